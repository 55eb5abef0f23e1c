"""
Photos follow their release's lifecycle.

Every upload (originals, renditions, speaker portraits) is stored in the
*private* media storage (``STORAGES["default"]``), which nothing serves
directly. ``MEDIA_URL`` points at the access check (``serving.media_view``),
which looks the file up, asks ``Article.objects.public()`` (or the staff
session, or a share link's grant) and hands the bytes over: by
``X-Accel-Redirect`` to nginx, by a short-lived signed URL on S3-compatible
storage, or itself in the demo.

A file found public is also *promoted*: copied (hard-linked on one file
system) into the public media storage (``STORAGES["public_media"]``), under
the same name. The web server serves that storage at ``MEDIA_URL`` first and
falls back to the check only for what is not there, so a live release's
photos cost no query at all once they have been asked for once. Promotion
happens when a reader first asks after the release became public (an
embargo lifts by itself: the URL in the staff preview starts answering at
that second); *demotion* removes the public copies as soon as a release
stops being public (an edit, a withdrawal, an expiry noticed by the site's
clock) or a photo is deleted or replaced. Private files stay, so restoring
an earlier version from the history brings the photo back.

- ``access``: which photo or speaker a stored name belongs to, and who may see it;
- ``public``: the public copies, promoted and demoted;
- ``serving``: the view at ``MEDIA_URL`` and the share-link grants.
"""
