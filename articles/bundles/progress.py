import sys

from tqdm import tqdm


def progress_bar(*, enabled: bool):
    """
    A progress(iterable, desc=…, unit=…) for long imports and exports: a bar on
    stderr when it is a terminal, shown only once a run has lasted a second.
    """
    show = enabled and sys.stderr.isatty()

    def progress(iterable, **kwargs):
        return tqdm(iterable, file=sys.stderr, disable=not show, delay=1, leave=False, **kwargs)

    return progress
