"""Excel workbooks: the duty workbook, the progress forms, the revision and progress workbooks."""
