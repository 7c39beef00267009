"""A horizontal bar chart of utilisation percentages, drawn as inline SVG by the server.

Only geometry and text are worked out here; `templates/bookings/admin/utilisation_chart.html`
draws them. Each bar is labelled with its name and its value in words, so the chart reads
without colour, and the report shows the same figures in a table.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 760
LABEL_WIDTH = 270  # names right-aligned in this width, then the bars
VALUE_WIDTH = 110  # room after a full bar for its value
BAR_HEIGHT = 20
ROW_HEIGHT = 30
TOP = 10  # above the first bar
AXIS_HEIGHT = 30  # below the last bar: the scale
LABEL_CHARACTERS = 38
TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value in words: "42,5 %", or why there is none
    y: float
    width: float  # 0 when there is no value

    @property
    def middle(self):
        return self.y + BAR_HEIGHT / 2

    @property
    def value_x(self):
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: list
    ticks: list
    height: float
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def label_x(self):
        return LABEL_WIDTH - 8

    @property
    def axis_y(self):
        return self.height - AXIS_HEIGHT

    @property
    def tick_label_y(self):
        return self.axis_y + 18


def percent_text(percent, decimals=1):
    return _("%(percent)s %%") % {"percent": number_format(percent, decimals)}


def shortened(label):
    if len(label) <= LABEL_CHARACTERS:
        return label
    return label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def bar_chart(items, title, description):
    """A chart of `items`: (label, percent or None) pairs, one bar each, in order."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, percent) in enumerate(items):
        y = TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        if percent is None:
            bars.append(Bar(shortened(label), _("no opening hours"), y, 0))
        else:
            width = round(plot * min(float(percent), 100) / 100, 1)
            bars.append(Bar(shortened(label), percent_text(percent), y, width))
    ticks = [Tick(LABEL_WIDTH + plot * value / 100, percent_text(value, 0)) for value in TICKS]
    height = TOP + len(bars) * ROW_HEIGHT + AXIS_HEIGHT
    return Chart(title, description, bars, ticks, height)
