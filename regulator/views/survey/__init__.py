"""Admin views of the 科技情况调查.

- ``survey_index`` (``regulator_surveys``): the regulator's survey years with
  the count of reports per status; a group user's own reports, year by year.
- ``create_year`` / ``SurveyYearEditView``: the regulator opens a year
  (``regulator.survey.open_survey_year``) and edits its wording, deadline,
  status and indicators. Once a report of the year exists, indicators keep
  their meaning: only their name, 填报口径 and order may change, none may be
  added or removed (``SurveyYearForm``).
- ``SurveyReportsView``: every group company's report of a year (those that
  have not started shown as 未填报), filtered by status, with the XLSX of all
  values and a sheet of the notes on year-on-year changes.
- ``survey_report``: one group company's report — the form for its fillers
  while the year is open and the report is theirs to edit, the read-only
  report with the review buttons of its reviewers and of the regulator
  otherwise — and ``survey_report_export``, its XLSX.

A group user reaches their own group companies' reports only: another group's
report, detail or export is a 404 on every URL. Every step goes through the
functions of ``regulator.survey``, which refuse what the state forbids.
"""

from .report import survey_report, survey_report_export
from .reports import SurveyReportsView
from .years import SurveyYearEditView, create_year, survey_index

__all__ = [
    "SurveyReportsView",
    "SurveyYearEditView",
    "create_year",
    "survey_index",
    "survey_report",
    "survey_report_export",
]
