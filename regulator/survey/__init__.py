"""科技情况调查: the rules of the annual survey, as plain functions with keyword arguments.

Every path (the admin views, the demo, a management command, tests) goes
through these functions, so that a rule holds once for all of them:

- ``open_survey_year`` starts a year with the indicators of the latest earlier
  year (codes stay stable, so year-on-year comparison and the ranking work) or,
  for the first year, with ``DEFAULT_INDICATORS``;
- ``check_report`` reads the values of a report as the filer typed them and
  returns blocking errors (not a number, decimals in a count, out of range, a
  share over 100 %, 授权量 above 申请量, missing values at submission) and
  year-on-year jumps against the group's accepted report of the year before,
  which the filer must confirm, with a reason, before submitting;
- the transitions move a report through 填报中 → 待集团审核 → 已报送 → 已接收 and
  back to 已退回, each writing a ``SurveyReportEvent``, each refusing an illegal
  move with ``SurveyRefused`` and a sentence the user reads. An accepted report
  is locked: only ``reopen_report`` (the regulator, with a reason) changes it.

Maker-checker: the group reviewer who sends a report to the regulator is
never anyone who saved its values (in any round) or submitted it for review.
"""

from .checks import (
    Entry,
    Jump,
    ReportCheck,
    SurveyRefused,
    check_report,
    format_value,
    parse_value,
    previous_values,
    stored_entries,
)
from .steps import (
    accept_report,
    get_or_start_report,
    group_approve,
    group_return,
    reopen_report,
    return_report,
    save_report,
    submit_report,
)
from .years import INDICATOR_WORDING_FIELDS, open_survey_year

__all__ = [
    "INDICATOR_WORDING_FIELDS",
    "Entry",
    "Jump",
    "ReportCheck",
    "SurveyRefused",
    "accept_report",
    "check_report",
    "format_value",
    "get_or_start_report",
    "group_approve",
    "group_return",
    "open_survey_year",
    "parse_value",
    "previous_values",
    "reopen_report",
    "return_report",
    "save_report",
    "stored_entries",
    "submit_report",
]
