"""Stage 7, quotes: quotations, followed over paragraph breaks, and who said them.

Attributions are read after the quotation ("…,” said X", "…?” asked X",
"…,”X said.“…"), on a line of their own after it ("X concluded."), before it
("X, ROLE, said:", "Comments from X:"), and from a dash line ("– X, ROLE").
Straight and curly marks are both read. A quotation whose speaker cannot be
told is listed for the editor as unplaced, never silently dropped.

The stage is in five parts: :mod:`.scan` finds the quotations,
:mod:`.attribution` reads the attribution written next to each (:mod:`.around`
the lines around it), :mod:`.letters`
credits a letter's "you said" to its addressee, and :mod:`.reported` finds
speakers from reported speech and the lead.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ..model import Draft, Notes, ParsedQuote, ParsedSpeaker
from ..people import _mentions, _People
from ..people.suffix import add_suffixes
from ..segment import _last_sentence, _sentence_end
from ..vocabulary import _VERB, _short
from .around import _turn_of_issuer
from .attribution import _own_attribution
from .fragment import is_fragment
from .headline import headline_speaker
from .interrupted import joined_quotations
from .lead import _issuer_above, _issuer_announcing
from .letters import letter_sender
from .pronoun import paragraph_subject, pronoun_before, sentence_subject_before
from .question import asker
from .reported import (
    _TITLES,
    _continuation,
    _indirect_before,
    _indirect_speakers,
    _interviewee,
    _last_person,
    _note_unquoted_statements,
    _sole_speaker_nearby,
)
from .scan import _quote_text, _scan_quotes, _Span
from .unclosed import _restart_at_inner_attribution


def run(draft: Draft, notes: Notes) -> None:
    # The people a catalogue lists among the creators ("Brown, Bob") complete a surname in
    # the body ("Senator Brown said") as the letterhead's names do.
    names = [*draft.letterhead_names]
    names += [n for n in draft.issuers if n.casefold() not in {m.casefold() for m in names}]
    draft.quotes, draft.speakers = _quotes(
        draft.paragraphs, notes, names, draft.title, draft.glued_starts, draft.letterhead_roles
    )
    add_suffixes(draft.speakers, draft.paragraphs)
    # The issuer the letterhead names, with no role in the body, holds the letterhead's office.
    issuers = {n.casefold() for n in draft.letterhead_names}
    if draft.letterhead_offices and len(issuers) == 1:
        for speaker in draft.speakers:
            if not speaker.role and speaker.name.casefold() in issuers:
                speaker.role = draft.letterhead_offices[0]
    for quote in draft.quotes:  # an embedded post's phrase in marks, as the post printed it
        quote.text = draft.post_words.get(" ".join(quote.text.split()), quote.text)


def _quotes(
    paragraphs: list[str],
    notes: Notes,
    letterhead: Sequence[str] = (),
    title: str = "",
    glued: Collection[str] = (),
    offices: dict[str, str] | None = None,
) -> tuple[list[ParsedQuote], list[ParsedSpeaker]]:
    spans = _scan_quotes(paragraphs)
    people = _People(
        _mentions(paragraphs), letterhead=letterhead, text=paragraphs, title=title, offices=offices
    )
    indirect = _indirect_speakers(paragraphs, spans, people)
    _note_unquoted_statements(paragraphs, people, notes)
    full_surnames = _named_surnames(paragraphs, people)
    transcript = _is_transcript(paragraphs, people, full_surnames)

    # Words of several people at once, or of a letter's addressee, are followed like any
    # quotation (their continuations too) but credited to no one and listed for the editor.
    nobody = ParsedSpeaker(name="", role="")
    accepted: list[_Span] = []
    for span in spans:
        if span.may_begin >= 0:
            notes.unplace(
                "closing quotation mark without an opening one; the quotation may begin at "
                f"“{_short(paragraphs[span.may_begin], 70)}”"
            )
        _restart_at_inner_attribution(span)
        text = _quote_text(span)
        if _heading_in_marks(span, text):
            continue
        who = _own_attribution(span, paragraphs, full_surnames) or letter_sender(span, paragraphs)
        if (
            who is not None
            and who.unless_unknown
            and not (transcript and (who.name in full_surnames or people.may_be_person(who)))
            and not (people.title_member and who.name == people.title_member)
            and not _turn_of_issuer(who, span, paragraphs)
        ):
            who = None
        span.own_attribution = who is not None
        # A few words carrying on the sentence are no quotation.
        if not text or (who is not None and is_fragment(text, span)):
            continue
        at = (span.start_para, max(span.start_pos, 0))
        speaker = None
        if who is not None and who.ref in _UNCREDITED:
            speaker, span.uncredited = nobody, _UNCREDITED[who.ref].format(who.ref_text)
        elif (
            who is None or who.ref == "pronoun" or not people.may_be_person(who)
        ) and pronoun_before(span):
            # "When Dr. X was asked …, he replied: “…”": the person the paragraph is about.
            speaker = paragraph_subject(span, paragraphs, people, at)
            if speaker is None and who is not None and who.ref == "pronoun":
                span.context = who.context
                speaker = _last_person(accepted, indirect, at)
        elif who is not None:
            span.context = who.context
            if who.ref == "pronoun":
                speaker = sentence_subject_before(span, paragraphs, people, at)
            if speaker is None:
                speaker = people.resolve(who, _last_person(accepted, indirect, at), at)
            if speaker is None and who.unless_unknown and who.name in full_surnames:
                speaker = people.candidate(who)  # a turn under a titled surname ("Holder:")
        # '…," Rep Al. Roe said.': an attribution of its own that names no one we can read is
        # no continuation of the last speaker's words; the quotation is listed instead.
        if who is None and _UNREAD_ATTRIBUTION.match(span.suffix):
            notes.unplace(f"quotation without a speaker: “{_short(text, 70)}”")
            continue
        if speaker is None and who is None and not accepted:
            speaker = _issuer_announcing(span, paragraphs, people)
        if speaker is None and accepted:
            speaker = _continuation(accepted[-1], span)
        if speaker is None and who is None:
            speaker = _interviewee(span, paragraphs, people, at, title)
        if speaker is None and who is None and not accepted:
            speaker = headline_speaker(span, paragraphs, people, at, title)
        # A quotation opening its own sentence after "Mr. X said that …" (or "Rep. X
        # expressed disappointment …") in its paragraph is X's.
        if speaker is None and who is None and _opens_own_sentence(span):
            speaker = _indirect_before(indirect, span, same_paragraph=True)
        if speaker is None and who is None:
            speaker = asker(span, people)  # "X asked the CEO a simple question: “…?”"
        # Words just before the quote in its sentence that name nobody: a phrase in marks.
        if (
            speaker is None
            and who is None
            and any(c.isalpha() for c in _last_sentence(span.prefix))
        ):
            # Marks around a title or a phrase are not speech; a sentence or a long
            # passage may be, and is listed rather than dropped.
            if len(text.split()) >= 8 or _whole_sentence(text):
                notes.unplace(f"quotation without a speaker: “{_short(text, 70)}”")
            continue
        if speaker is None:
            speaker = _indirect_before(indirect, span)
        if speaker is None and not accepted:
            speaker = _issuer_above(span, paragraphs, people, at)
        if speaker is None and who is None:
            speaker = _sole_speaker_nearby(span, paragraphs, accepted, indirect, people, at)
        if speaker is None:
            if len(text.split()) >= 4:
                notes.unplace(f"quotation without a speaker: “{_short(text, 70)}”")
            continue
        if speaker is nobody:
            span.uncredited = span.uncredited or next(
                (s.uncredited for s in reversed(accepted) if s.uncredited), ""
            )
        else:
            people.mark_quoted(speaker)
        if not span.closed:
            where = "to run to the end of the text" if span.to_end else "to end with its paragraph"
            notes.unplace(
                f"quotation mark opened but not closed, taken {where}: “{_short(text, 50)}”"
            )
        # A paragraph that closes its quotation and a next one that opens another make two
        # quotations of the same speaker, not one: what stands between the marks is a quote.
        span.speaker = speaker
        accepted.append(span)

    quotes = []
    for s, text in joined_quotations(accepted, paragraphs, glued):
        if s.speaker is nobody:
            notes.unplace(f"{s.uncredited}, not credited to one person: “{_short(text, 70)}”")
        elif s.speaker is not None:
            quotes.append(ParsedQuote(speaker=s.speaker, text=text, context=s.context))
    return quotes, people.quoted


# "Mr. Wray:“…”", "Congresswoman Stefanik:" (the quotation split off): a turn under a titled name.
_UNREAD_ATTRIBUTION = re.compile(rf"^,?\s*(?:[A-Z][\w.'’-]*\s+){{1,5}}{_VERB}[.,]")
_TITLED_TURN = re.compile(r"^(?P<title>[A-Z][a-z]+\.?)\s+[A-Z][\w'’-]+:\s*(?:[“\"]|$)")
# "Judd:“…”": a turn under a surname alone, the quotation glued to the colon or after it.
_SURNAME_TURN = re.compile(r"^(?P<name>[A-Z][\w'’-]+):\s*(?:[“\"]|$)")
# A capitalised word and the one after it: a title and a surname perhaps ("General Holder").
_TITLED_WORD = re.compile(r"\b([A-Z][a-z]+)\.?[ \t]+(?=([A-Z][\w'’-]+))")


def _named_surnames(paragraphs: list[str], people: _People) -> set[str]:
    """The surnames of people the text names in full or with a title, and of the member a
    feed's title names: a turn under one of them ("Sanders: “…”", "Holder:" below "… asked
    Attorney General Holder …") is theirs."""
    named = {
        m.name.split()[-1] for m in people.mentions if len(m.name.split()) > 1 or m.role or m.office
    }
    named.add(people.title_member)
    turns = {t.group("name") for p in paragraphs if (t := _SURNAME_TURN.match(p))}
    if turns - named:  # (the text read once for all the turns' surnames)
        titled = _TITLED_WORD.finditer("\n".join(paragraphs))
        named |= turns & {t.group(2) for t in titled if t.group(1).casefold() in _TITLES}
    return named


def _is_transcript(paragraphs: list[str], people: _People, full_surnames: set[str]) -> bool:
    """A hearing's transcript: turns under titled names, where a surname alone ("Wray: “…”")
    is a turn too; or turns under the surnames alone of two people or more the text names in
    full ("Stefanik:“…”", "Judd:“…”")."""
    turns = 0
    surnames: set[str] = set()
    for paragraph in paragraphs:
        match = _TITLED_TURN.match(paragraph)
        if match and match.group("title").casefold().rstrip(".") in _TITLES:
            turns += 1
            if turns >= 2:
                return True
        match = _SURNAME_TURN.match(paragraph)
        # ("Lee:" and "Holder:" below "Senator Mike Lee asked Attorney General Holder …")
        if match and (
            match.group("name") in full_surnames or people.named_in_full(match.group("name"))
        ):
            surnames.add(match.group("name"))
            if len(surnames) >= 2:
                return True
    return False


# A name of a few capitalised words in marks, the sentence going on after it in small letters.
_NAME_IN_MARKS = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}$")
_SENTENCE_GOES_ON = re.compile(rf"^\s+(?!(?:{_VERB})\b)[a-z]")


def _heading_in_marks(span: _Span, text: str) -> bool:
    """A paragraph of a few words in marks, capitalised as a title is (“Second-Class
    Senators”, “Read The Bill”): a section heading, not a quotation."""
    if (
        span.start_para == span.end_para
        and _NAME_IN_MARKS.match(text)
        and (_SENTENCE_GOES_ON.match(span.suffix))
    ):
        return True  # "‘Ferry Link’ was meant to open in 2012 …": a name in marks
    if span.prefix.strip() or span.suffix.strip() or span.start_para != span.end_para:
        return False
    words = [w.strip(".,;:!?…’'\"“”()") for w in text.split()]
    long = [w for w in words if len(w) >= 4]
    return 2 <= len(words) <= 10 and bool(long) and all(w[:1].isupper() for w in long)


def _opens_own_sentence(span: _Span) -> bool:
    """The quotation follows a full stop in its paragraph: it opens a sentence of its own."""
    before = span.prefix.rstrip()
    return before[-1:] in ".!?" and _sentence_end(before + " A", len(before) - 1) == len(before)


def _whole_sentence(text: str) -> bool:
    """ "Is that true of the dams today?": a capital, four words or more and a full stop."""
    return text[:1].isupper() and len(text.split()) >= 4 and text.rstrip("”’\"')")[-1:] in ".!?"


_UNCREDITED = {
    "joint": "joint statement of {}",
    "addressee": "words of the letter's addressee (“you said”)",
    "letter": "words of a letter several people sent",
    "unnamed": "words of someone the text does not name ({})",
    "body": "words of a body, not a person ({})",
}
