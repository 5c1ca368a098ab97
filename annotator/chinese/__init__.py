"""Chinese-aware text services, GUI-free.

- :mod:`.segment` — the jieba segmentation service (Segmenter, segmenter_for, warm_up, posseg);
- :mod:`.terms` — the project's user dictionary (starter terms, own terms, code keywords);
- :mod:`.stopwords` — the shipped stopword lists (Chinese, English) and the project's changes;
- :mod:`.term_discovery` — new-word discovery: recurring terms segmentation splits;
- :mod:`.snapping` — selections widened to whole words;
- :mod:`.units` and :mod:`.numbering` — units of analysis numbered "政策编号-章节-条款".
"""
