"""Wegwijzer: sourced Dutch answers for entrepreneurs in Flanders' cultural and creative sectors."""

from assistant.conversation import Conversation
from assistant.core import Assistant, ask
from assistant.corpus import CorpusError
from assistant.errors import QuestionError
from assistant.models import Answer, AnswerPassage, Link, Passage, PassageRef, Source

__all__ = [
    "Answer",
    "AnswerPassage",
    "Assistant",
    "Conversation",
    "CorpusError",
    "Link",
    "Passage",
    "PassageRef",
    "QuestionError",
    "Source",
    "ask",
]
__version__ = "0.1.0"
