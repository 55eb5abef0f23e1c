"""Template tags of the editors' admin."""

from django import template

from articles.admin.desk import desk_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_desk(context):
    """The desk's sections for the signed-in user (none for those it is not for)."""
    request = context.get("request")
    return desk_sections(getattr(request, "user", None))
