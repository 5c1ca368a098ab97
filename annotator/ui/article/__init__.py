"""The centre pane: the article with its coded passages highlighted."""

from annotator.ui.article.view import ArticleView

__all__ = ["ArticleView"]
