"""`translation(languageCode)` fields: the object's texts in one language, or null."""

import graphene
from django.conf.locale import LANG_INFO

from marketplace.graphql.core.batching import batch_related
from marketplace.graphql.core.types import LanguageCodeEnum, LanguageDisplay, language_code


def find_translation(obj, language):
    """obj's translation into `language` (an enum value), loaded with its batch; None if missing."""
    code = language_code(language)
    for translation in batch_related(obj, "translations"):
        if translation.language_code.lower() == code:
            return translation
    return None


def translation_field(translation_type) -> graphene.Field:
    return graphene.Field(
        translation_type,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            required=True,
            description="A language code to return the translation for.",
        ),
        description="Returns translated object fields for the given language code.",
    )


def resolve_language(translation, info) -> LanguageDisplay:
    code = translation.language_code.lower()
    name = LANG_INFO.get(code, {}).get("name", code)
    return LanguageDisplay(code=code, language=name)
