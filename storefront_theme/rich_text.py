"""Editor.js documents shown as plain text.

Descriptions and pages are stored as Editor.js JSON whose texts may hold inline HTML (bold, links).
The storefront shows only the words: tags are dropped and entities decoded here, and the template
escapes the result, so nothing a booth types can reach the page as markup.
"""

import html
from dataclasses import dataclass, field

from django.utils.html import strip_tags

HEADER = "header"
LIST = "list"
PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Block:
    kind: str
    text: str = ""
    items: list[str] = field(default_factory=list)


def plain_text(value) -> str:
    if not isinstance(value, str):
        return ""
    return html.unescape(strip_tags(value)).strip()


def _list_items(items) -> list[str]:
    texts = []
    for item in items if isinstance(items, list) else []:
        # Editor.js lists hold strings, or {"content": ..., "items": [...]} in nested lists.
        texts.append(plain_text(item.get("content") if isinstance(item, dict) else item))
    return [text for text in texts if text]


def plain_blocks(document) -> list[Block]:
    """The document's headers, paragraphs and lists as plain text; other blocks are skipped."""
    blocks = document.get("blocks") if isinstance(document, dict) else None
    shown = []
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
            continue
        kind, data = block.get("type"), block["data"]
        if kind == LIST:
            items = _list_items(data.get("items"))
            if items:
                shown.append(Block(kind=LIST, items=items))
        elif kind in (HEADER, PARAGRAPH):
            text = plain_text(data.get("text"))
            if text:
                shown.append(Block(kind=kind, text=text))
    return shown


def first_paragraph(document) -> str:
    """The first paragraph's text (for summaries and meta descriptions), or ""."""
    for block in plain_blocks(document):
        if block.kind == PARAGRAPH:
            return block.text
    return ""
