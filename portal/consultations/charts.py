"""The bar charts of a consultation's results page, drawn as inline SVG by the server
(`templates/consultations/includes/results_chart.html`), no script.

One horizontal bar per option: its online part solid, its workshop part striped, so the
two read apart without colour, with a legend that names them; each bar's label above it
and its total after it. Widths are percentages of the chart and heights are in `em`: the
chart takes the page's width (a 320 px phone as a wide screen) and grows with the text
size the reader chose. The same figures follow in a table.
"""

import textwrap
from dataclasses import dataclass

from django.utils.text import capfirst

PLOT_PERCENT = 78  # the longest bar; the rest of the width holds its total
LINE_CHARACTERS = 32  # a line of a label: fits a 320 px phone at the chart's text size
LABEL_LINES = 2  # longer labels are cut with "…" (the table has them whole)
LEGEND_EM = 2.0
LINE_EM = 1.3
BAR_EM = 1.3
LABEL_GAP_EM = 0.2  # between a label and its bar
ROW_GAP_EM = 0.9  # between a bar and the next label


def em(value):
    return f"{value:.2f}em"


def percent(value):
    return f"{value:.3f}%"


@dataclass(frozen=True)
class Line:
    text: str
    y: str


@dataclass(frozen=True)
class Row:
    label: str  # whole, for the table
    lines: list  # of Line: the label as drawn
    online: int
    workshop: int
    bar_y: str
    value_y: str
    online_width: str  # "" when there is none
    workshop_x: str
    workshop_width: str  # "" when there is none
    value_x: str

    @property
    def total(self):
        return self.online + self.workshop


@dataclass(frozen=True)
class Chart:
    id: str  # unique in the page: the ids of its caption and its pattern begin with it
    rows: list  # of Row
    height: str
    online: bool  # whether it shows online answers (a legend entry, a table column)
    workshop: bool  # and answers from the workshops

    bar_height: str = em(BAR_EM)

    @property
    def both(self):
        return self.online and self.workshop


def label_lines(label):
    lines = textwrap.wrap(label, LINE_CHARACTERS) or [""]
    if len(lines) > LABEL_LINES:
        last = " ".join(lines[LABEL_LINES - 1 :])[: LINE_CHARACTERS - 1]
        lines = [*lines[: LABEL_LINES - 1], last.rstrip() + "…"]
    return lines


def bar_chart(chart_id, bars, online=True, workshop=True):
    """A `Chart` of `bars` (`portal.consultations.results.Count_`), in their order."""
    most = max((bar.total for bar in bars), default=0) or 1
    top = LEGEND_EM
    rows = []
    for bar in bars:
        label = capfirst(str(bar.label))
        lines = label_lines(label)
        drawn = [Line(text, em(top + LINE_EM * index + 1.0)) for index, text in enumerate(lines)]
        bar_top = top + LINE_EM * len(lines) + LABEL_GAP_EM
        online_width = PLOT_PERCENT * bar.online / most
        workshop_width = PLOT_PERCENT * bar.workshop / most
        rows.append(
            Row(
                label=label,
                lines=drawn,
                online=bar.online,
                workshop=bar.workshop,
                bar_y=em(bar_top),
                value_y=em(bar_top + BAR_EM * 0.75),
                online_width=percent(online_width) if bar.online else "",
                workshop_x=percent(online_width),
                workshop_width=percent(workshop_width) if bar.workshop else "",
                value_x=percent(online_width + workshop_width),
            )
        )
        top = bar_top + BAR_EM + ROW_GAP_EM
    return Chart(chart_id, rows, em(top - ROW_GAP_EM + 0.3), online, workshop)
