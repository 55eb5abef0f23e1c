"""
One test for each failure of the plain-text import: those issue 18 lists
(``test_issue``), then those of each sample of real releases measured since
(docs/textimport-samples.md), as small excerpts with the same structure.

The excerpts are written for these tests; they copy the shape of the real
releases that went wrong (Australian parliamentary and US Congress
releases), not their words.
"""


def speakers(release):
    return [(s.name, s.role) for s in release.speakers]


def quotes(release):
    return [(q.speaker.name, q.text) for q in release.quotes]


def harvested(title: str, body: str) -> str:
    """A release as a catalogue harvest gives it: YAML front matter, then the text."""
    return (
        f'---\ntitle: "{title}"\ndate: "2001-03-28"\ncreators:\n  - "Example, Jo"\n'
        'source: "MINISTER FOR RIVERS"\n---\n\n' + body
    )


def floor_remarks(paragraph):
    """A senator's floor remarks as the Congress scrape gives them, around ``paragraph``."""
    return (
        "Title: PREPARED REMARKS: Example on Ferry Safety\n"
        "Date: May 2, 2024\n\n"
        "Content:\n"
        "WASHINGTON, May 2 – Sen. Jo Example spoke on the Senate floor about ferry safety.\n"
        "Mr. President, the river towns have waited long enough for safe ferries.\n"
        f"{paragraph}\n"
        "I yield the floor.\n"
    )
