"""Repeats: the RRULE an editor's choices make, and the dates it yields in Rome's wall-clock time."""

from datetime import UTC, date, datetime, timedelta

import pytest

from events.recurrence import ROME, Frequency, build_rrule, describe_repeat
from tests.factories.events import at

pytestmark = pytest.mark.django_db


def test_weekly_rule_ends_at_the_end_of_the_last_local_day_in_utc():
    rule = build_rrule(Frequency.WEEKLY, 1, date(2027, 1, 26), at(2026, 12, 1), all_day=False)
    # 23:59:59 in Rome on 26 January is 22:59:59 UTC (winter time).
    assert rule == "FREQ=WEEKLY;UNTIL=20270126T225959Z"


def test_all_day_rule_ends_with_a_date():
    assert build_rrule(Frequency.WEEKLY, 2, date(2027, 1, 26), at(2026, 12, 1), all_day=True) == (
        "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270126"
    )


def test_monthly_by_weekday_uses_the_position_of_the_first_date():
    # 8 December 2026 is the second Tuesday; 29 December 2026 the last one.
    assert "BYDAY=2TU" in build_rrule(Frequency.MONTHLY_WEEKDAY, 1, date(2027, 6, 1), at(2026, 12, 8), False)
    assert "BYDAY=-1TU" in build_rrule(Frequency.MONTHLY_WEEKDAY, 1, date(2027, 6, 1), at(2026, 12, 29), False)


def test_monthly_by_day_repeats_the_day_of_the_month():
    assert "BYMONTHDAY=15" in build_rrule(Frequency.MONTHLY_DAY, 1, date(2027, 6, 1), at(2026, 12, 15), False)


def test_no_repeat_makes_no_rule():
    assert build_rrule(Frequency.NONE, 1, None, at(2026, 12, 1), False) == ""


def test_repeat_is_described_in_plain_italian():
    text = describe_repeat(Frequency.MONTHLY_WEEKDAY, 1, date(2027, 6, 1), at(2026, 12, 8))
    assert str(text) == "ogni mese, il secondo martedì, fino al 01/06/2027"
    assert str(describe_repeat(Frequency.WEEKLY, 2, date(2027, 1, 26), at(2026, 12, 1))) == (
        "ogni 2 settimane, il martedì, fino al 26/01/2027"
    )


def test_weekly_event_yields_every_week_until_the_end_date_except_excluded_days(make_event):
    event = make_event(
        start=at(2026, 12, 1, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2026, 12, 29),
        exdates=[date(2026, 12, 22)],
    )
    starts = [o.start for o in event.occurrences()]
    assert starts == [
        at(2026, 12, 1, 17, 30),
        at(2026, 12, 8, 17, 30),
        at(2026, 12, 15, 17, 30),
        at(2026, 12, 29, 17, 30),
    ]
    assert all(o.end - o.start == timedelta(hours=2) for o in event.occurrences())


def test_occurrences_in_a_window_are_those_that_overlap_it(make_event):
    event = make_event(
        start=at(2026, 12, 1, 17, 30), repeat_frequency=Frequency.WEEKLY, repeat_until=date(2026, 12, 29)
    )
    window = event.occurrences(at(2026, 12, 8, 18, 0), at(2026, 12, 15, 17, 30))
    # The 8th is still going on at 18:00; the 15th starts exactly at the window's end: out.
    assert [o.start.day for o in window] == [8]


@pytest.mark.parametrize(
    "day, utc_hour",
    [
        (datetime(2027, 3, 27), 17),  # last Saturday of March: still winter time (UTC+1)
        (datetime(2026, 10, 31), 17),  # last Saturday of October: winter time again (UTC+1)
        (datetime(2026, 10, 24), 16),  # the Saturday before: summer time (UTC+2)
    ],
)
def test_an_event_at_six_pm_stays_at_six_pm_around_the_dst_changes(make_event, day, utc_hour):
    event = make_event(start=at(day.year, day.month, day.day, 18, 0))
    occurrence = event.occurrences()[0]
    assert (occurrence.start.hour, occurrence.start.minute) == (18, 0)
    assert occurrence.start.astimezone(UTC).hour == utc_hour


def test_a_weekly_saturday_event_keeps_its_local_time_across_the_march_change(make_event):
    event = make_event(start=at(2027, 3, 20, 18, 0), repeat_frequency=Frequency.WEEKLY, repeat_until=date(2027, 4, 3))
    occurrences = event.occurrences()
    assert [o.start.strftime("%d %H:%M") for o in occurrences] == ["20 18:00", "27 18:00", "03 18:00"]
    assert [o.start.astimezone(UTC).hour for o in occurrences] == [17, 17, 16]


def test_a_weekly_saturday_event_keeps_its_local_time_across_the_october_change(make_event):
    event = make_event(
        start=at(2026, 10, 17, 18, 0), repeat_frequency=Frequency.WEEKLY, repeat_until=date(2026, 10, 31)
    )
    assert [o.start.astimezone(UTC).hour for o in event.occurrences()] == [16, 16, 17]


def test_all_day_events_cover_whole_local_days(make_event):
    event = make_event(start=at(2026, 12, 12, 0, 0), end=at(2026, 12, 13, 0, 0), all_day=True)
    (occurrence,) = event.occurrences()
    assert occurrence.start == datetime(2026, 12, 12, tzinfo=ROME)
    assert occurrence.end == datetime(2026, 12, 14, tzinfo=ROME)
    assert occurrence.last_day == date(2026, 12, 13)
