"""An attribution written before the quotation: "X, ROLE, said:", "Comments from X:", "X
released the following statement:", "According to X,", "…, famously writing, “…”", a
transcript's "Ms. Morris:" turn."""

from __future__ import annotations

import re

from ..people import _parse_who, _Who
from ..vocabulary import _VERB
from .credited import credited
from .letters import _titled

_PREFIX_SAID = re.compile(
    # "President Example himself has said"
    rf"^(?P<who>.+?)(?:,?\s+who)?,?\s+(?:(?:also|then|later|himself|herself|has|have|had)\s+)"
    # "President Example this week said": when, between the subject and the verb
    r"{0,3}(?P<when>(?:this|last)\s+(?:week|month|year|morning|afternoon)\s+)?"
    rf"{_VERB}"
    r"(?:\s+(?:that|in a statement"
    # "said of Gaza,": what it was said of.
    r"|of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
    r"|(?:in|at|during|on|of) (?:a|an|the|his|her|their|this)(?: [\w-]+){1,4}"
    # "said back in 2005 for example:", "said last year:": when it was said.
    r"|(?:back |once )?(?:in|last|earlier) \w+(?:,? for (?:example|instance))?"
    # "also stated on Thursday:", "said today:"
    r"|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|this (?:morning|afternoon)"
    # "responded by crossing his fingers, and hoping for the best:": how, up to a colon.
    r"|by [a-z]+ing\b[^“”\".!?:;]{0,120}(?=:\s*$)))?"
    r"\s*[:,;]?\s*$"  # "stated;": a colon misread in a scanned statement
)
# "A letter to …", "The man who met …", "Protesters outside …": someone else, whom the subject
# only ends on (not "Chairman of the Board Al Roe").
_ENDS_ON_A_NAME = re.compile(
    r"^(?:A|An|The)\s+[a-z]|\b(?:who|that|which|met|sued|outside|beside|against)\b"
)
# "Senator Allison asked the Government in the Senate today, “…?”": who asked someone.
_PREFIX_ASKED = re.compile(
    r"^(?P<who>[A-Z][^,;:]{2,60}?)\s+(?:asked|told)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*){0,3}(?:\s+(?:in|at|during|on)\s+(?:a|an|the|his|her|their|this)"
    r"(?:\s+[\w-]+){1,4})?(?:\s+(?:today|yesterday))?\s*[:,]?\s*$"
)
# "Last October 18, Ms Roe told the Sunday program that I had made “…”": her words, quoted
# within the sentence that says whom she told.
_PREFIX_TOLD_THAT = re.compile(
    r"^(?:[^,“”\"]{1,60},\s+)?(?P<who>[A-Z][^,;:“”\"]{2,60}?)\s+told\s+[^“”\":]{2,80}?\s+that"
    # (not "… that Minister Al Example had claimed:", "… that she had been called “…”")
    r"(?:\s+(?:I|he|she|we|they|it)\s+(?:had\s+)?(?:made|was|were|is|are))?\s*$"
)
# "Senator Lambie told the Senate last night in a speech that:": who told a house or a body.
_PREFIX_TOLD = re.compile(
    r"^(?:[^:“”\"]{0,200}?,\s+)?(?P<who>[A-Z][^,;:]{2,60}?)\s+told\s+(?:the\s+)?(?:Senate|House|Parliament"
    # "Director of National Intelligence James Clapper told Senator Lee:"
    r"|(?:Senator|Sen\.|Rep\.|Congressman|Congresswoman|Mr\.?|Ms\.?|Dr\.?)\s+[A-Z][\w'’-]+)"
    r"(?:\s+(?:last night|today|yesterday|this (?:morning|afternoon|week)))?"
    r"(?:\s+in\s+(?:a|his|her|their)\s+(?:speech|address|statement))?(?:\s+that)?\s*:\s*$"
)
# "Cook has been critical of the practice, famously writing, “…”", "X introduced the bill,
# stating, “…”": the clause's subject.
_PREFIX_PARTICIPLE = re.compile(
    r"(?:^|\bthat\s+|[;,]\s+)(?P<who>[A-Z][^,;“”\"]{1,60}?)\s+"
    # "X has been critical …", "X introduced the bill on Tuesday, stating, “…”", "X echoes …"
    r"(?:has|had|have|was|is|were|[a-z]{3,}ed|[a-z]{3,}s(?!\s+that\b)|wrote|sent|spoke|made|gave|took|led)\b"
    r"[^“”\"]{0,200}?,?\s+(?:\w+ly\s+)?(?:saying|writing|adding|noting|stating|declaring)\s*[:,]?\s*$"
)
_SENTENCE_STOP = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSt)[.!?]\s+")
_WHEN_HE = re.compile(
    r"(?:[-–—]\s*)?(?P<who>(?:The\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,5})\s+[a-z][^“”\"]{0,120}?"
    # "… when he said", "X also emphasised the point and stated"
    r"\b(?:(?:when|as|where|after|before|because)\s+(?:he|she)|and)$"
)
_PREFIX_ACCORDING = re.compile(r"\baccording to\s+(?P<who>.+?)\s*[:,]?\s*$", re.IGNORECASE)
_PREFIX_FROM = re.compile(
    r"^(?:comments?|statement|remarks|quotes?|message)\s+(?:from|by)\s+(?P<who>.+?)\s*:$",
    re.IGNORECASE,
)
_PREFIX_STATEMENT = re.compile(
    # "Sen. Jo Example (I-Vt.) on Wednesday issued …": when, between the name and the verb.
    r"^(?P<who>.+?)\s+(?:(?:today|yesterday|has|have|also|on \w+|this \w+)\s+)?"
    # "X responded with this statement and offer:": the reply is the statement.
    r"(?:issued|released|made|gave|delivered|published|(?:responded|replied|reacted) with)\s+"
    r"(?:(?:the\s+following|a|this)\s+(?P<joint>joint\s+)?(?:statement|remarks|comments|message)"
    r"|the\s+following\s+(?:response|reaction))\b"
    r".*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_PREFIX_QUOTE = re.compile(
    r"\bquote[sd]?\s+(?P<who>[A-Z][^,:“”\"]{1,80}?)(?:\s+(?:at|in|on|during|from)\b[^:]*)?:\s*$"
)
# "the delegation was happy to hear JetBlue CEO Jo Example say, “…”": the one heard.
_PREFIX_HEARD = re.compile(
    r"\b(?:hear|heard|hearing|listened to|watched)\s+(?P<who>[A-Z][^,;“”\"]{1,80}?)\s+"
    r"(?:say|state|explain|declare|announce|promise)\s*[:,]?\s*$"
)
_PREFIX_BARE = re.compile(r"^(?P<who>[^:]{3,120}):$")
# "Said Sen. Example:" on the line above the quotation: the verb first.
_PREFIX_VERB_FIRST = re.compile(rf"^(?=[A-Z])(?i:{_VERB})\s+(?P<who>[A-Z][^“”\":]{{2,80}}?)\s*:$")
# "HATCH:", "SEN. HATCH:": a turn under a surname in capitals, a title before it perhaps.
_CAPITALS_TURN = re.compile(r"^(?:[A-Z]{2,5}\.?\s+)?[A-Z][A-Z'’-]{2,}$")
# "On the Ongoing Investigation:", "Regarding the Budget:": an interview's topic, not a speaker.
_TOPIC_HEADING = re.compile(
    r"^(?:On|About|Regarding|Re|Asked about|When asked about)\s+\S[^:]{0,150}:$"
)


_OCCASION = re.compile(
    r"\b(?P<what>the\s+(?:\w+\s+){0,3}?(?:conference|meeting|summit|forum|session|event|"
    r"ceremony|assembly|congress|debate|hearing|launch|exhibition|workshop))\s+"
    r"(?:was|were|has been|is)\s+"
    r"(?P<verb>opened|closed|addressed|launched|chaired|welcomed)\s+by\b",
    re.IGNORECASE,
)
_ING = {
    "opened": "opening",
    "closed": "closing",
    "addressed": "addressing",
    "launched": "launching",
    "chaired": "chairing",
    "welcomed": "welcoming to",
}


# "… about General Dunford, …, his comment that, I’m quoting him: “…”": the person the
# sentence names, quoted by the speaker.
_PREFIX_QUOTING = re.compile(
    r"^(?P<who>.+?),?\s+(?:(?:and\s+)?I['’]m|(?:and\s+)?I\s+am|to)\s+quot(?:ing|e)\s+(?:him|her)"
    r"\s*[:,]?$",
    re.IGNORECASE,
)


# What a document says, not a person: "… the Amnesty report on China for 2003 stated that".
# (not "The Review chair Professor Jo Smith", nor "Senator Bob Brown's submission": people)
_A_DOCUMENT = re.compile(
    r"^(?!(?:Senator|Mr|Mrs|Ms|Dr|Professor|Prof|Minister)\b)[^,;]*['’]s\s+(?:\w+\s+){0,2}"
    r"(?:report|study|survey|review|submission)\b(?P<of>(?:\s+(?:on|of|into|for|from|in|to)"
    r"\s+(?:the\s+)?[\w-]+){0,3})\s*$"
    r"|^(?:the|a|its|their|an)\s+(?:\w+\s+){0,3}(?:report|study|survey|review)\b"
    r"(?:\s+(?:on|of|into|for|from|in|to)\s+(?:the\s+)?[\w-]+){0,3}\s*$",
    re.IGNORECASE,
)
# "On 6/4/99 Ruddock was quoted on AAP as saying": the date the words were said first.
_DATE_FIRST = re.compile(r"^(?:On|In)\s+\d{1,4}(?:[/.-]\d{1,4}){0,2},?\s+(?=[A-Z])")


def _attribution_before(sentence: str, *, colon: bool = False) -> _Who | None:
    """Attribution before a quotation ("X, ROLE, said:", "Comments from X:"), with its occasion."""
    who = _attribution_before_who(_DATE_FIRST.sub("", sentence), colon=colon)
    if who is not None and not who.context:
        # "The conference was opened by X, who said:" — said opening the conference.
        match = _OCCASION.search(sentence)
        if match:
            what = match.group("what")
            who.context = f"{_ING[match.group('verb').casefold()]} {what[:1].lower()}{what[1:]}"
    return who


def _attribution_before_who(sentence: str, *, colon: bool = False) -> _Who | None:
    sentence = sentence.strip()
    if not sentence or len(sentence) > 400:
        return None
    match = _PREFIX_QUOTING.match(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    match = _PREFIX_FROM.match(sentence) if colon else None
    if match:
        return _parse_who(match.group("who"), after_verb=False)
    if colon:
        match = _PREFIX_STATEMENT.match(sentence)
        if match and match.group("joint"):
            return _joint_issuers(match.group("who"))
        match = match or _PREFIX_TOLD.match(sentence)
        if match:
            return _parse_who(match.group("who"), after_verb=False)
    match = _PREFIX_SAID.match(sentence)
    if match and match.group("when") and _ENDS_ON_A_NAME.search(match.group("who")):
        match = None  # "A letter to Governor Al Roe last year said:": not the Governor
    match = match or _PREFIX_ASKED.match(sentence) or _PREFIX_TOLD_THAT.match(sentence)
    if match:
        subject = re.split(r"\bthat\s+", match.group("who"))[-1]
        if _A_DOCUMENT.search(subject):
            # "… pointed out that Amnesty International's report on China stated that “…”"
            return _Who(ref="body", ref_text=f"“{subject.strip()}”")
        who = _parse_who(match.group("who"), after_verb=False)
        if who is None and _OPENING_CLAUSE.match(match.group("who")):
            who = _after_opening_clause(match.group("who"))
        if who is None:
            # "The Governor could not have been clearer when he said that “…”": the subject,
            # in a scan perhaps after a sentence the stops of which were lost.
            words = match.group("who")
            starts = [0] + [m.end() for m in _SENTENCE_STOP.finditer(words)]
            for start in reversed(starts):
                clause = _WHEN_HE.match(words, start)
                if clause:
                    who = _parse_who(clause.group("who"), after_verb=False)
                    if who is not None:
                        break
        return who or credited(sentence)  # "Mr X's media release concluded, “…”"
    match = _PREFIX_HEARD.search(sentence) or _PREFIX_QUOTE.search(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    match = _PREFIX_ACCORDING.search(sentence)
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    who = credited(sentence)
    if who is not None:
        return who
    match = _PREFIX_PARTICIPLE.search(sentence)
    if match:
        return _parse_who(re.split(r"\bthat\s+", match.group("who"))[-1], after_verb=False)
    match = _PREFIX_VERB_FIRST.match(sentence) if colon else None
    if match:
        return _parse_who(match.group("who"), after_verb=True)
    if colon and not _TOPIC_HEADING.match(sentence):
        match = _PREFIX_BARE.match(sentence)
        if match:
            who = _parse_who(match.group("who"), after_verb=False)
            if who is not None and who.name and (not who.single or _titled(match.group("who"))):
                return who
            if who is not None and who.name:
                # "Wray: “…”": a surname alone is a turn only if the text names that person.
                who.unless_unknown = True
                return who
            if _CAPITALS_TURN.match(match.group("who")):
                # "HATCH: “…”": a surname in capitals, a turn on the same terms.
                words = match.group("who").split()
                who = _parse_who(" ".join(w[:1] + w[1:].lower() for w in words), after_verb=False)
                if who is not None and who.name:
                    who.unless_unknown = True
                    return who
    return None


def _joint_issuers(words: str) -> _Who:
    """ "Chair Ron Wyden (D-Ore.) and Chair Bernie Sanders (I-Vt.) on Thursday issued a joint
    statement …:": the statement of both, credited to neither."""
    names = []
    for part in re.split(r"\s+and\s+", words):
        who = _parse_who(part, after_verb=False)
        if who is not None and who.name:
            names.append(who.name)
    if len(names) == 1:
        names.append("another")  # "… issued a joint statement with Indonesia's Minister …:"
    return _Who(ref="joint", ref_text=" and ".join(names) or "several people")


# "Responding to reports that … in PNG, Amnesty's Coordinator Jo Roe said,": the subject
# after a long opening clause, from the first comma after which the words read as a person.
_OPENING_CLAUSE = re.compile(
    r"^(?:Responding|Reacting|Speaking|Commenting|Referring|Following|After|Asked|"
    r"Welcoming|Announcing|In response)\b"
)


def _after_opening_clause(words: str) -> _Who | None:
    """The first part between commas after the opening clause that names a person and ends
    on the name ("…, Refugee Council chief executive Paul Power, a critic of Minister X")."""
    for part in words.split(", ")[1:]:
        part = part.strip()
        if not part[:1].isupper():
            continue  # "where he met …", "who travelled with Senator X": no subject
        who = _parse_who(part, after_verb=False)
        if who is not None and who.name and part.endswith(who.name.split()[-1]):
            return who
    return None
