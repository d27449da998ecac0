"""The spelling dictionary behind "did you mean": real words, as written.

Every writer collects the words of the text it indexes
(``BulkSegmentWriter.seen_words``). Before it commits, ``teach`` adds one
extra document that carries only those words, in the ``spelling`` field; its
pk starts with ``LEXICON_PREFIX`` and it matches no query. How common a word
is comes from the text columns when suggesting, not from the dictionary.
"""

import secrets

from . import analysis

LEXICON_PREFIX = "~lexicon~"  # pk of the documents that only carry spelling words


def dictionary_words(words, language):
    """The dictionary's entries ({word: 1}) for ``words`` as written in the text.

    Real words only: lowercase, accents kept, no stop words, no numbers, no
    words of one or two letters.
    """
    spell = analysis.normaliser(language, "spelling")
    return {w: 1 for w in spell.map(list(words)) if len(w) > 2 and not w.isdigit()}


def lexicon_document(entries):
    """A document that only adds ``entries`` ({word: count}) to the dictionary."""
    return {"pk": LEXICON_PREFIX + secrets.token_hex(8), "spelling": entries}


def is_lexicon(pk):
    """Whether ``pk`` is the pk of a dictionary-only document."""
    return pk.startswith(LEXICON_PREFIX)


def teach(writer, language, known_by=None):
    """Add to ``writer`` a document teaching the dictionary the words ``writer``
    has indexed so far (only those the reader ``known_by`` lacks, if given)."""
    entries = dictionary_words(writer.seen_words, language)
    if known_by is not None:
        entries = {w: n for w, n in entries.items() if ("spelling", w) not in known_by}
    if entries:
        writer.add_document(**lexicon_document(entries))
