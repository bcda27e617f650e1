"""The charts are drawn through pygal with less work (`core.charts._chart_class`, a
`dir()` of a series configuration answered from a list made once): the chart must be
the very bytes plain pygal draws, for every kind of chart the documents use."""

from __future__ import annotations

import pytest

from samverkan.core import charts
from samverkan.core.charts import INK, TARGET, Drawing, Look, band_colour


def drawings() -> dict[str, Drawing]:
    line = Drawing("line", 520, 250, {"range": (0, 1200), "x_labels": ["jan", "feb", "mar"]})
    line.add("2020", [701, 702, None], Look(TARGET, 1.4, "5,3", dots=2.2))
    line.add("2021", [650, 1017.25, 812], Look(INK, 2.4, dots=2.6))
    xy = Drawing("xy", 520, 250, {"range": (0, 40), "xrange": (2015.6, 2021.4)})
    xy.add("Andel", [(2016, 12.5), (2018, None), (2020, 31.0)], Look(INK, 1.6, dots=3))
    xy.add(None, [(2019, 20), (2021, 22), (2021, 30), (2019, 28)],
           Look(band_colour(INK), 0, fill=True))
    hbar = Drawing("hbar", 520, 182, {"print_values": True, "range": (0, 60)})
    hbar.options["x_labels"] = hbar.category_labels(
        ["Belysning i centrum och längs gång- och cykelvägar", "Fler vuxna ute", "Annat"])
    hbar.add(None, [{"value": 12, "formatter": lambda _v: "12 %"}, 48, 30],
             Look(INK, legend="box"))
    bar = Drawing("bar", 520, 250, {"x_labels": ["2021", "2022"]})
    bar.add("Gjort", [3, 5], Look(INK, legend="box"))
    bar.add("Mål", [4, 4], Look(TARGET, legend="box"))
    return {"line": line, "xy": xy, "hbar": hbar, "bar": bar}


@pytest.mark.parametrize("kind", ["line", "xy", "hbar", "bar"])
def test_a_chart_is_the_bytes_plain_pygal_draws(kind: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import pygal
    from pygal.config import SerieConfig

    quick = drawings()[kind].render("c1", "Titel", "Beskrivning")
    assert "__dir__" in SerieConfig.__dict__  # (the quick way was taken)
    plain = {"xy": pygal.XY, "line": pygal.Line, "bar": pygal.Bar,
             "hbar": pygal.HorizontalBar}
    monkeypatch.setattr(charts, "_chart_class", lambda k: plain[k])
    monkeypatch.delattr(SerieConfig, "__dir__")
    slow = drawings()[kind].render("c1", "Titel", "Beskrivning")
    assert quick == slow
    assert "<desc id=\"c1-desc\">Beskrivning</desc>" in quick


def test_a_series_configuration_names_what_it_holds() -> None:
    from pygal.config import SerieConfig

    charts._chart_class("line")  # gives SerieConfig its quick `dir()`
    fresh = SerieConfig()
    fresh(title="x", stroke=False)
    assert dir(fresh) == sorted(object.__dir__(fresh))
    fresh.extra_name = 1  # an attribute the class does not have is listed too
    assert "extra_name" in dir(fresh)
    assert dir(fresh) == sorted(object.__dir__(fresh))
