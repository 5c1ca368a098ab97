"""Chinese-aware text services: word segmentation (jieba), units of analysis, stopwords."""
