"""Turns free text into URL slugs: lower-case ASCII letters and digits joined by single dashes."""

import re
import unicodedata

DEFAULT_MAX_LENGTH = 64
"""The longest slug :func:`slugify` returns when no limit is given."""

_OTHER = re.compile(r"[^A-Za-z0-9]+")


def slugify(text: str, max_length: int = DEFAULT_MAX_LENGTH) -> str:
    """Makes a slug of *text*.

    Accents are removed, every run of other characters becomes one dash, and
    the result is cut at a dash to at most *max_length* characters. Returns ""
    when *text* has no letters or digits.

    Raises TypeError when *text* is not a str, and ValueError when
    *max_length* is not an int of at least 1.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
        raise ValueError(f"max_length must be an int of at least 1, not {max_length!r}")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    slug = _OTHER.sub("-", stripped).strip("-").lower()
    if len(slug) <= max_length or slug[max_length] == "-":
        return slug[:max_length]
    cut = slug[:max_length]
    last_dash = cut.rfind("-")
    return cut[:last_dash] if last_dash > 0 else cut
