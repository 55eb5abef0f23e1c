"""
In a real browser: no Content-Security-Policy violation on the release page
with the lightbox open or on the admin's release form, and an editor's draft
is published by a publisher through the admin.
"""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.demo import DEMO_SLUG
from articles.models import Article
from tests.browser.pages import open_lightbox, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "x-Strong-pass-9"
EDITOR = ".ProseMirror[contenteditable=true]"


def csp_violations(page):
    page.evaluate(
        """() => { window.__csp = [];
        document.addEventListener('securitypolicyviolation',
            (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI)); }"""
    )


def reported(page):
    console = [m for m in page.problems.messages if "Content Security Policy" in m]
    return console + page.evaluate("() => window.__csp || []")


def sign_in(page, demo, username):
    page.goto(demo.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def ensure_groups():
    """A flushed database (transactional tests) has lost the migrations' groups."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Permission

    if Group.objects.filter(name="Publishers").exists():
        return
    roles = importlib.import_module("articles.migrations.0002_editorial_groups")
    extra = Permission.objects.filter(
        content_type__app_label="articles",
        codename__in=["add_sharelink", "change_sharelink", "view_sharelink"],
    )
    editors = Group.objects.create(name="Editors")
    editors.permissions.add(*roles._permissions(apps, roles.EDITOR_PERMISSIONS), *extra)
    publishers = Group.objects.create(name="Publishers")
    publishers.permissions.add(
        *roles._permissions(apps, roles.EDITOR_PERMISSIONS + roles.PUBLISHER_EXTRA),
        *extra,
        Permission.objects.get(codename="publish_article"),
    )


def staff(username, group):
    ensure_groups()
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_release_page_with_lightbox_has_no_csp_violation(page, demo):
    visit(page, demo, "release")
    csp_violations(page)
    open_lightbox(page, 0)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    assert reported(page) == []
    assert page.problems.messages == []


def test_admin_release_form_has_no_csp_violation(new_page, demo):
    page = new_page()
    staff("petra", "Publishers")
    sign_in(page, demo, "petra")
    page.goto(demo.url("/admin/articles/article/add/"))
    csp_violations(page)
    expect(page.locator(EDITOR)).to_be_visible()  # the rich-text editor is running
    page.locator(EDITOR).click()
    page.keyboard.type("Typed in the editor.")
    page.goto(demo.url(f"/admin/articles/article/{Article.objects.get(slug=DEMO_SLUG).pk}/change/"))
    expect(page.locator(EDITOR)).to_be_visible()
    assert reported(page) == []
    assert [m for m in page.problems.messages if "Content Security Policy" in m] == []


def test_editor_drafts_and_publisher_publishes(new_page, demo):
    staff("ed", "Editors")
    staff("petra", "Publishers")
    editor = new_page()
    sign_in(editor, demo, "ed")
    editor.goto(demo.url("/admin/articles/article/add/"))
    editor.fill("#id_title", "Regional training on cybercrime opens")
    editor.fill("#id_lead", "Investigators from twelve countries train together for a week.")
    editor.locator(EDITOR).click()
    editor.keyboard.type("The training covers ransomware investigations.")
    # Themes are chips: typed, then Enter (static/js/admin-themes.js).
    editor.fill("#id_themes-chips", "cybercrime")
    editor.keyboard.press("Enter")
    assert editor.locator("#id_status option[value=published]").count() == 0
    editor.select_option("#id_status", "review")
    editor.locator("input[name=_save]").first.click()
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(title="Regional training on cybercrime opens")
    assert article.status == Article.Status.REVIEW
    assert "ransomware investigations" in article.body
    assert editor.request.get(demo.url(article.get_absolute_url())).status == 404

    publisher = new_page()
    sign_in(publisher, demo, "petra")
    publisher.goto(demo.url("/admin/articles/article/"))
    publisher.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    publisher.select_option("select[name=action]", "publish_selected")
    publisher.click("button[name=index]")
    expect(publisher.locator(".messagelist")).to_contain_text("1 release published.")
    public = publisher.goto(demo.url(article.get_absolute_url()))
    assert public.status == 200
    expect(publisher.locator("h1")).to_have_text("Regional training on cybercrime opens")
