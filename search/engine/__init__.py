"""The storage engine under the backend: Whoosh indexes in folders of generations.

It knows documents (dicts of columns, see ``schema``), not Django models: it
imports only Whoosh and the standard library. Its modules, from the disk up:

``locking``     inter-process file locks with a bounded wait
``analysis``    text to terms: Italian (or another Snowball language) folding,
                stop words, stemming; edge n-grams for autocomplete
``schema``      the fixed schema of every index, and its fast text fields
``writer``      the bulk segment writer, and replacing documents by pk
``spelling``    the "did you mean" dictionary learnt while writing
``storage``     an index's folder: generations, live writes, the rebuild journal
``reading``     searchers per thread, and what they cache
``scoring``     Whoosh's BM25F with each segment's field lengths read once
``building``    rebuilding beside the live generation, then swapping
``workers``     the processes that write a large rebuild's segments in parallel
``highlighting`` excerpts with the matching words marked
"""
