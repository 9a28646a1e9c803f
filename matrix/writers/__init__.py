"""Writers: views of the plan graph as JSON, terminal tables, Word letters and Excel workbooks."""
