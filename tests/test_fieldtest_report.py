"""The field-test report: small groups hidden, right t intervals, staff need the permission."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from decisionaid.fieldtest.instrument import ITEM_KEYS
from decisionaid.fieldtest.models import Response
from decisionaid.fieldtest.report import CSV_FIELDS, MIN_GROUP, build_report, csv_rows
from decisionaid.fieldtest.researchers import PERMISSION, RESEARCHERS_GROUP_NAME
from decisionaid.fieldtest.stats import mean_ci, t_quantile

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-passphrase-for-researchers"
REPORT = reverse("admin:fieldtest_response_report")
EXPORT = reverse("admin:fieldtest_response_export")
WEEK = datetime.date(2026, 11, 23)


def make_rows(count: int, *, version: str = "2026.12", mode: str = "home", **values) -> None:
    for index in range(count):
        Response.objects.create(
            week=WEEK,
            content_version=version,
            language="en",
            mode=mode,
            **{key: values.get(key, [1, 2, 3, 4, 5][index % 5]) for key in ("prep_choices",)},
            length=2,
            sure_score=4 if index % 2 else None,
        )


def staff_client(client, *, researcher: bool):
    user = get_user_model().objects.create_user(username="staff", password=PASSWORD, is_staff=True)
    if researcher:
        user.groups.add(Group.objects.get(name=RESEARCHERS_GROUP_NAME))
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.706205), (4, 2.776445), (9, 2.262157), (29, 2.045230), (100, 1.983972)],
)
def test_t_quantiles_match_published_tables(df, expected):
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-5)


def test_mean_and_95_percent_interval_of_known_data():
    result = mean_ci([1, 2, 3, 4, 5])
    assert result.mean == 3
    assert result.low == pytest.approx(1.036757, abs=1e-5)
    assert result.high == pytest.approx(4.963243, abs=1e-5)
    # A second, uneven set: mean 2.5, sd 1.290994, n 4, t(3) 3.182446.
    uneven = mean_ci([1, 2, 3, 4])
    assert uneven.low == pytest.approx(2.5 - 3.182446 * 1.290994 / 2, abs=1e-5)
    assert mean_ci([]) is None
    assert mean_ci([3]).low is None


def test_groups_under_five_are_suppressed_and_others_are_shown():
    make_rows(MIN_GROUP, version="2026.12")
    make_rows(MIN_GROUP + 1, version="2027.01")
    make_rows(2, version="2027.02")
    make_rows(3, version="2027.03")
    report = build_report()
    overall = report["overall"][0]
    assert not overall.suppressed and overall.total == 2 * MIN_GROUP + 6
    versions = {group.title: group for group in report["by_version"]}
    for small in ("Content version 2027.02", "Content version 2027.03"):
        assert versions[small].suppressed and versions[small].items == []
    assert not versions["Content version 2027.01"].suppressed
    shown = versions["Content version 2026.12"]
    assert not shown.suppressed
    prep = next(item for item in shown.items if item.key == "prep_choices")
    assert [count for _, count in prep.counts] == [1, 1, 1, 1, 1]
    assert prep.mean.mean == 3
    assert prep.mean.low == pytest.approx(1.036757, abs=1e-5)


def test_a_lone_small_group_cannot_be_worked_out_by_subtraction():
    make_rows(9, mode="home")
    make_rows(3, mode="kiosk")
    report = build_report()
    modes = {group.title: group for group in report["by_mode"]}
    assert modes["Kiosk"].suppressed and not modes["Kiosk"].complementary
    # All responses (12) minus home (9) would give kiosk away, so home is hidden too.
    assert modes["Home"].suppressed and modes["Home"].complementary
    assert modes["Home"].items == []
    assert not report["overall"][0].suppressed


def test_the_report_page_hides_small_groups_and_draws_svg_bars(client):
    make_rows(MIN_GROUP, version="2026.12", mode="home")
    make_rows(4, version="2027.01", mode="kiosk")
    make_rows(3, version="2027.02", mode="kiosk")
    html = staff_client(client, researcher=True).get(REPORT).content.decode()
    assert "<svg" in html and 'class="chart-bar"' in html
    assert html.count("Fewer than 5 responses: not shown.") == 2
    assert "(1.04 to 4.96)" in html


def test_staff_without_the_permission_are_refused(client):
    make_rows(MIN_GROUP)
    staff = staff_client(client, researcher=False)
    assert staff.get(REPORT).status_code == 403
    assert staff.get(EXPORT).status_code == 403
    assert staff.get(reverse("admin:fieldtest_response_changelist")).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    assert client.get(REPORT).status_code == 302
    assert client.get(EXPORT).status_code == 302


def test_the_researchers_group_holds_only_the_field_test_permission():
    group = Group.objects.get(name=RESEARCHERS_GROUP_NAME)
    perms = [f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()]
    assert perms == [PERMISSION]


def test_nobody_can_add_change_or_delete_rows_in_the_admin(client):
    make_rows(1)
    staff = staff_client(client, researcher=True)
    row = Response.objects.get()
    assert staff.get(reverse("admin:fieldtest_response_add")).status_code == 403
    change = reverse("admin:fieldtest_response_change", args=[row.pk])
    assert staff.post(change, {"length": "1"}).status_code in (302, 403)
    assert Response.objects.get().length == 2


def test_the_csv_export_matches_the_rows(client):
    make_rows(3, mode="kiosk")
    make_rows(2, version="2027.01")
    response = staff_client(client, researcher=True).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert (
        lines[0]
        == CSV_FIELDS
        == ["week", "content_version", "language", "mode", *ITEM_KEYS, "sure_score", "quiz_correct"]
    )
    assert len(lines) == 1 + Response.objects.count()
    expected = sorted(
        [
            ["" if getattr(row, name) is None else str(getattr(row, name)) for name in CSV_FIELDS]
            for row in Response.objects.all()
        ]
    )
    assert sorted(lines[1:]) == expected
    assert lines == csv_rows()
    assert "id" not in lines[0]


def test_researchers_find_the_report_from_the_admin_index(client):
    staff = staff_client(client, researcher=True)
    index = staff.get(reverse("admin:index")).content.decode()
    changelist = reverse("admin:fieldtest_response_changelist")
    assert changelist in index
    assert staff.get(changelist)["Location"] == REPORT
