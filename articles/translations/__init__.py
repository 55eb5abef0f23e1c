"""
Translations of a release.

A translation is a release of its own (title, slug, lead, body, quote texts,
reference number, status) whose ``source`` is the release it translates; the
source and its translations are a *group*. What the group shares is kept by
the source and copied to the translations whenever the source is saved:
event, dateline, themes, photos (each translation keeps its own captions and
alt text) and, for translations "released with the source", the publish and
unpublish times, so that an embargo lifts for every language at once.

- ``group``: who belongs to a release's group, and which of them readers see;
- ``shared``: making a translation, and keeping the shared parts in step;
- ``tracking``: "source changed" marks, the diff of what changed, confirming.
"""
