"""Showing HTML in a notebook so that JupyterLab shows it as it is.

JupyterLab typesets every HTML output with MathJax, so an article's "it costs $5 and $10" would lose
its dollar signs and turn into math. Every HTML the package displays goes through `no_math`, which
wraps it in the class MathJax skips; tables shown as DataFrames get the same class from pandas
(`setup`). nbconvert's report template loads no MathJax, so report.html is the same either way.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display

# The classes MathJax 3 (JupyterLab) and MathJax 2 (older front ends) leave untypeset.
NO_MATH_CLASSES = "tex2jax_ignore mathjax_ignore"


def no_math(html: str) -> str:
    """HTML wrapped so that MathJax leaves it alone: dollar signs stay dollar signs."""
    return f'<div class="{NO_MATH_CLASSES}">{html}</div>'


def show_html(html: str) -> None:
    """Display HTML in the notebook, untouched by MathJax."""
    display(HTML(no_math(html)))


def setup() -> None:
    """Notebook display settings: wide cells, long tables, and DataFrames untouched by MathJax."""
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.html.use_mathjax", False)  # pandas then adds NO_MATH_CLASSES to each table
