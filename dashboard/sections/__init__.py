"""The dashboard pages: one module a page, drawn when Streamlit runs it as ``__main__``."""
