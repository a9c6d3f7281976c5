"""`marketplace loaddemo`: load the demo catalog of livelihood groups into the database."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from marketplace.demo.booths import MARKER_BOOTH_SLUG
from marketplace.demo.loader import (
    DemoConflict,
    is_demo_loaded,
    load_demo,
    remove_demo,
)


class Command(BaseCommand):
    help = (
        "Load a demo catalog: booths of livelihood groups in several provinces, their products "
        "with pictures, categories, a collection, pages and menus. Does nothing when the demo "
        "is already loaded, unless --reset is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--products",
            type=int,
            default=None,
            metavar="N",
            help="Number of products (default: the base catalog). Larger numbers add variations "
            "of the base products, for benchmarks.",
        )
        parser.add_argument(
            "--reset",
            "--force",
            action="store_true",
            dest="reset",
            help="Remove the demo booths, products, collection, pages and menus, then load again.",
        )

    def handle(self, *args, products: int | None, reset: bool, **options) -> None:
        if products is not None and products < 1:
            raise CommandError("--products must be at least 1.")
        if reset:
            removed = remove_demo()
            self.stdout.write(f"Removed the demo catalog ({removed} products).")
        elif is_demo_loaded():
            self.stdout.write(
                f'The demo catalog is already loaded (booth "{MARKER_BOOTH_SLUG}" in channel '
                f'"{settings.DEFAULT_CHANNEL_SLUG}"); nothing to do. Use --reset to load it again.'
            )
            return
        try:
            summary = load_demo(product_count=products)
        except DemoConflict as error:
            raise CommandError(f"{error}. Run loaddemo --reset to replace them.") from error
        counts = ", ".join(
            _count(number, noun)
            for number, noun in (
                (summary.booths, "booth"),
                (summary.products, "product"),
                (summary.variants, "variant"),
                (summary.images, "image"),
                (summary.categories, "category"),
                (summary.collections, "collection"),
                (summary.pages, "page"),
                (summary.menus, "menu"),
                (summary.producers, "producer profile"),
                (summary.identities, "encrypted identity"),
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the demo catalog in {summary.seconds:.1f} s: {counts} "
                f"({summary.drawn_images} pictures drawn)."
            )
        )


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {plural}"
