"""Reading every indexed object of a model, a chunk at a time, in key order."""


def in_key_order(queryset, chunk_size):
    """Yield the objects of ``queryset`` as lists of at most ``chunk_size``,
    ordered by primary key.

    Each chunk is "the next rows after the last key read", which costs the
    database the same for every chunk; with OFFSET (as modelsearch's rebuild
    command reads) it skips every row already read again for each chunk, a
    cost that grows with the square of the row count. Rows added or deleted
    meanwhile never make another row be skipped or read twice.
    """
    queryset = queryset.order_by("pk")
    last = None
    while True:
        chunk = list((queryset if last is None else queryset.filter(pk__gt=last))[:chunk_size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk
