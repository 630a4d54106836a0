"""argparse's own words (``usage:``, ``error:``, "invalid choice"…) through our catalogue.

argparse looks its wording up at call time with the module globals ``argparse._`` (gettext)
and ``argparse.ngettext``; Python ships no Spanish catalogue for them. ``speaking(tr)`` swaps
those two globals for our translator while the command line builds and parses (and puts them
back after), so argparse's exact English msgids, listed below, find their Spanish in our
``.po``. Strings not listed fall through unchanged (English), never fail.

The list is argparse's own text (Python 3.11); ``tests/core/test_cli_es.py`` checks that each
one is still in argparse's source, so a Python upgrade that rewords one is noticed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from incident_log.i18n import N_, Translator

ARGPARSE_MSGIDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


@contextmanager
def speaking(tr: Translator) -> Iterator[None]:
    """argparse's words in ``tr``'s language for the duration (English: nothing changes)."""
    if not tr.spanish:
        yield
        return
    module = vars(argparse)
    saved: tuple[Callable[..., str], Callable[..., str]] = (module["_"], module["ngettext"])

    def ngettext(singular: str, plural: str, n: int) -> str:
        return tr(singular if n == 1 else plural)  # English and Spanish share the n == 1 rule

    module["_"], module["ngettext"] = tr, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
