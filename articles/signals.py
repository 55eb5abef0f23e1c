"""Newsroom's own signals."""

from django.dispatch import Signal

# Sent after the commit of a bulk write of releases (a bundle import), which
# sends no post_save of its own; receivers get ``release_ids``. Apps that act
# on a saved release (e-mail alerts) listen to both.
releases_written = Signal()
