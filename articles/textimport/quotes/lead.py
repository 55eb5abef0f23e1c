"""The lead's subject: the first quotation, with no attribution, below the lead that says
who did something ("Today, Congresswoman Jo Example voted …", "The Prime Minister reiterated
…") is that person's."""

from __future__ import annotations

import re

from ..people import _parse_who, _People, _Who
from .around import _sentences
from .scan import _Span

# The lead's subject: "Today, Congresswoman Jo Example voted …", "Sens. A and B introduced …".
# A line announcing what follows as the lead's subject's words, naming no one itself.
_EXCERPTS_BELOW = re.compile(
    r"^(?:The following (?:are|is)|Below (?:are|is)|Here (?:are|is))\s+(?:selected\s+|some\s+)?"
    r"(?:(?:excerpts?|highlights)\s+(?:from|of)\s+(?:the|his|her)\s+(?:speech|remarks|address)"
    r"|(?:his|her)\s+(?:speech|remarks))\b[^“”\"]{0,60}:$",
)
# "Today, Senator Jo Lee will give a speech at …": who the excerpts below are of.
_WILL_SPEAK = re.compile(
    r"^(?:today,?\s+)?(?P<who>[A-Z][^“”\"]{2,200}?)\s+(?:will\s+)?(?:give|gives|deliver|delivers|"
    r"delivered|gave|speak|speaks|spoke)\b",
    re.IGNORECASE,
)
_LEAD_VERBS = (
    r"[a-z]+ed|sent|led|wrote|spoke|told|won|took|made|gave|(?:is|are|has been) [a-z]+ing"
    # "X leads fellow members in a roundtable", "X joins Maria on …": the present tense.
    r"|leads?|joins|hosts|holds"
)
_LEAD_SUBJECT = re.compile(
    r"^(?:(?:today|yesterday|this week|on \w+(?: \d{1,2})?),\s+)?"
    r"(?P<who>[A-Z][^“”\"]{2,200}?)\s+(?:(?:today|also|on \w+|this week)\s+)?"
    # "joinedMornings With Maria", "spoketoday": a verb in small letters, a link's words glued
    # to it; in capitals only as a word of its own (not "Spoke" in "Spokesperson")
    rf"(?:(?-i:(?:{_LEAD_VERBS}))(?:\b|(?=[A-Za-z]))|(?:{_LEAD_VERBS})\b)",
    re.IGNORECASE,
)


_ANOTHERS_WORDS = re.compile(
    r"\b(?:said|says|claimed|stated|argued|wrote|warned|quoting|found|reported|described"
    r"|letter|message|email)\b"
)


def _issuer_above(span: _Span, paragraphs: list[str], people: _People, at):
    """The first quotation, opening the paragraph after the lead's first sentence, with no
    attribution anywhere: the statement of the person the lead is about, the first one
    named when several issue it together ("Senators Lee, Graham and Cruz … they write")."""
    if span.prefix.strip() or span.start_para == 0:
        return None
    above = span.start_para - 1
    excerpts = above > 0 and bool(_EXCERPTS_BELOW.match(paragraphs[above]))
    if excerpts:
        above -= 1  # "The following are selected excerpts from the speech:" under the lead
    first = _sentences(paragraphs[above], 1)
    match = _LEAD_SUBJECT.match(first[0]) if first else None
    if excerpts and first:
        match = _WILL_SPEAK.match(first[0]) or match
    if not match or not match.group("who")[:1].isupper():
        return None
    if first[0][match.end() - 4 : match.end()] == "told" and _ANOTHERS_WORDS.search(
        first[0], match.end()
    ):
        return None  # "Senator Roe told the ABC that the Minister had said:": another's words
    subject = re.split(r",|\s+and\s+|\s+&\s+", match.group("who"))[0]
    who = _parse_who(subject, after_verb=False)
    if (who is None or not who.name) and subject != match.group("who"):
        # "Federal Member for Fowler, Julia Irwin, is encouraging …": a role, then the name.
        who = _parse_who(match.group("who"), after_verb=False)
    if who is not None and who.ref == "role" and not excerpts:
        # "The Prime Minister reiterated his Government's commitment …" above "“…”": the
        # issuer whose letterhead gives that office (not "The Mayor thanked …")
        return people.issuer_holding(who.ref_text)
    if who is None or not who.name:
        return None
    return people.resolve(who, None, at)


# "… this is the text of the email I sent to them", "the message which Mr Jo Roe MP is
# delivering on my behalf …:": the issuer announcing their own words below.
_OWN_WORDS_BELOW = re.compile(
    r"\b(?:(?:I|we)\s+(?:have\s+)?(?:sent|wrote|am\s+sending|delivered)|on\s+my\s+behalf"
    r"|my\s+(?:email|e-mail|letter|message|reply|response))\b"
)


_ANNOUNCES = re.compile(r"\b(?:text|copy) of\b|\bfollowing\b|\bbelow\b|\bwhich\b|:\s*$")
_OTHERS_WORDS_BELOW = re.compile(r"\b(?:received|reads|petition|replied|response from)\b")


def _issuer_announcing(span: _Span, paragraphs: list[str], people: _People):
    """The first quotation, opening its paragraph below a paragraph in which the one issuer
    announces words of their own (an email they sent, a message delivered on their behalf)."""
    if span.prefix.strip() or span.start_para == 0 or len(people.letterhead) != 1:
        return None
    announcing = [
        s
        for s in _sentences(paragraphs[span.start_para - 1], 99)
        if _OWN_WORDS_BELOW.search(s) and _ANNOUNCES.search(s)
    ]
    if not announcing or _OTHERS_WORDS_BELOW.search(announcing[0]):
        return None  # (not "I wrote to the Minister. This is the reply I received.")
    issuer = people.letterhead[0]
    return people.candidate(_parse_who(issuer.name, after_verb=False) or _Who(name=issuer.name))
