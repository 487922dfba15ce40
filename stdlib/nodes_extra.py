"""Node: a named object in a tree, with groups, processing and its callbacks.

Theory of operation
-------------------
A script that ``extends Node`` compiles to a Python subclass of :class:`Node`;
its callbacks (``_ready``, ``_process``, ``_enter_tree``, ``_notification``...)
are plain methods of that subclass.  The stdlib classes never define those
names, so "does the script override X" is ``getattr(type(obj), X, None)``
(:func:`script_virtual`); plain nodes are never called back.  Callbacks and
signal emissions the engine makes go through :func:`guarded`, which hands a
script error to the runtime's handler (``set_script_error_handler``) so the
frame goes on, as in Godot.

The tree follows Godot 4's scene/main/node.cpp: entering is parent first
(``_enter_tree``), ``_ready`` is children first and happens once (again only
after ``request_ready``), leaving is children first (``_exit_tree``), then
``tree_exited``.  A script's ``_process``/``_physics_process`` turn processing
on when the node becomes ready.  Whether a node is in a tree is
``_gd_tree`` (the SceneTree of scene_tree.py, which drives the frames).

Names of unnamed or clashing children: Godot's default
(``force_readable_name`` false) gives ``@Node@2`` in 4.x (``@`` + class + ``@``
+ a process-wide counter) and ``@@2`` / ``@Name@3`` in 3.x (``@`` + name +
``@`` + counter); ``force_readable_name`` gives ``Node``, ``Node2``...  The
counter starts at 2 like a fresh Godot process.

Dialects: Godot 3 node classes are the 4.x ones with :class:`Node3Mixin` in
front (``dialect3``): ``_GD_DIALECT = 3`` selects 3.x names, error texts and
``get_child`` without negative indices, and adds ``pause_mode``.
"""

from __future__ import annotations


from ..errors import GDScriptError, engine_error
from . import objects
from .objects import Callable, Object
from .strings import NodePath, StringName, glob_match

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable as PyCallable
    from typing import Any, ClassVar
    from .scene_tree import SceneTree

# The SceneTree a node outside any tree queues its free on (Godot's singleton).
CURRENT_TREE: list[Any] = [None]

# * Helpers ---------------------------------------------------------------

_script_error_handler: PyCallable[[GDScriptError], None] | None = None
_auto_name_counter = [1]


def set_script_error_handler(handler: PyCallable[[GDScriptError], None] | None) -> Any:
    """Install what gets a script error escaping a callback the loop made; returns the old one.

    With no handler (the default) the error propagates out of ``run_main_loop``.
    """
    global _script_error_handler
    old = _script_error_handler
    _script_error_handler = handler
    return old


def guarded(func: PyCallable[..., Any], *args: Any) -> Any:
    """Call ``func``; a script error goes to the installed handler (Godot goes on)."""
    if _script_error_handler is None:
        return func(*args)
    try:
        return func(*args)
    except GDScriptError as exc:
        _script_error_handler(exc)
        return None


def script_virtual(obj: Any, name: str) -> Any:
    """The script's override of callback ``name`` (a function), or None."""
    return getattr(type(obj), name, None)


def call_virtual(obj: Any, name: str, *args: Any) -> Any:
    func = getattr(type(obj), name, None)
    if func is None:
        return None
    return guarded(func, obj, *args)


def flush_messages() -> None:
    """``objects.flush_message_queue`` with each call guarded, so one error loses nothing."""
    queue = objects.MESSAGE_QUEUE
    while queue:
        batch = queue[:]
        del queue[:]
        for func, args in batch:
            if not objects.target_freed(func):
                guarded(func, *args)


def _array(items: list[Any]) -> Any:
    try:
        from .arrays import Array
    except ImportError:  # the Array module may not exist yet
        return list(items)
    return Array(items)


def _has_method(obj: Object, method: str) -> bool:
    return Callable(obj, str(method)).is_valid()


def _emit(obj: Object, signal: str, *args: Any) -> None:
    if obj._gd_connections.get(signal):
        guarded(obj.emit_signal, signal, *args)


# * Node -------------------------------------------------------------------

_INVALID_NAME_CHARS_4 = '.:@/"%'
_INVALID_NAME_CHARS_3 = '.:@/"'


class Node(Object):
    """Godot's Node: a named object in a tree, with groups and processing."""

    GODOT_NAME = "Node"
    SIGNALS = ("ready", "renamed", "tree_entered", "tree_exiting", "tree_exited",
               "child_entered_tree", "child_exiting_tree", "child_order_changed",
               "replacing_by", "editor_description_changed")
    _GD_DIALECT: ClassVar[int] = 4

    NOTIFICATION_POSTINITIALIZE = 0
    NOTIFICATION_PREDELETE = 1
    NOTIFICATION_ENTER_TREE = 10
    NOTIFICATION_EXIT_TREE = 11
    NOTIFICATION_MOVED_IN_PARENT = 12
    NOTIFICATION_READY = 13
    NOTIFICATION_PAUSED = 14
    NOTIFICATION_UNPAUSED = 15
    NOTIFICATION_PHYSICS_PROCESS = 16
    NOTIFICATION_PROCESS = 17
    NOTIFICATION_PARENTED = 18
    NOTIFICATION_UNPARENTED = 19
    NOTIFICATION_SCENE_INSTANTIATED = 20
    NOTIFICATION_PATH_RENAMED = 23
    NOTIFICATION_CHILD_ORDER_CHANGED = 24
    NOTIFICATION_INTERNAL_PROCESS = 25
    NOTIFICATION_INTERNAL_PHYSICS_PROCESS = 26
    NOTIFICATION_POST_ENTER_TREE = 27
    NOTIFICATION_DISABLED = 28
    NOTIFICATION_ENABLED = 29
    PROCESS_MODE_INHERIT = 0
    PROCESS_MODE_PAUSABLE = 1
    PROCESS_MODE_WHEN_PAUSED = 2
    PROCESS_MODE_ALWAYS = 3
    PROCESS_MODE_DISABLED = 4
    INTERNAL_MODE_DISABLED = 0
    INTERNAL_MODE_FRONT = 1
    INTERNAL_MODE_BACK = 2
    PROCESS_THREAD_GROUP_INHERIT = 0
    PROCESS_THREAD_GROUP_MAIN_THREAD = 1
    PROCESS_THREAD_GROUP_SUB_THREAD = 2
    FLAG_PROCESS_THREAD_MESSAGES = 1
    FLAG_PROCESS_THREAD_MESSAGES_PHYSICS = 2
    FLAG_PROCESS_THREAD_MESSAGES_ALL = 3
    PHYSICS_INTERPOLATION_MODE_INHERIT = 0
    PHYSICS_INTERPOLATION_MODE_ON = 1
    PHYSICS_INTERPOLATION_MODE_OFF = 2
    DUPLICATE_SIGNALS = 1
    DUPLICATE_GROUPS = 2
    DUPLICATE_SCRIPTS = 4
    DUPLICATE_USE_INSTANTIATION = 8
    AUTO_TRANSLATE_MODE_INHERIT = 0
    AUTO_TRANSLATE_MODE_ALWAYS = 1
    AUTO_TRANSLATE_MODE_DISABLED = 2
    # Godot's enums of this class: enum name -> its constants (types like Node.ProcessMode).
    ENUMS: ClassVar[dict[str, tuple[str, ...]]] = {
        "ProcessMode": ("PROCESS_MODE_INHERIT", "PROCESS_MODE_PAUSABLE",
                        "PROCESS_MODE_WHEN_PAUSED", "PROCESS_MODE_ALWAYS",
                        "PROCESS_MODE_DISABLED"),
        "ProcessThreadGroup": ("PROCESS_THREAD_GROUP_INHERIT",
                               "PROCESS_THREAD_GROUP_MAIN_THREAD",
                               "PROCESS_THREAD_GROUP_SUB_THREAD"),
        "ProcessThreadMessages": ("FLAG_PROCESS_THREAD_MESSAGES",
                                  "FLAG_PROCESS_THREAD_MESSAGES_PHYSICS",
                                  "FLAG_PROCESS_THREAD_MESSAGES_ALL"),
        "PhysicsInterpolationMode": ("PHYSICS_INTERPOLATION_MODE_INHERIT",
                                     "PHYSICS_INTERPOLATION_MODE_ON",
                                     "PHYSICS_INTERPOLATION_MODE_OFF"),
        "DuplicateFlags": ("DUPLICATE_SIGNALS", "DUPLICATE_GROUPS", "DUPLICATE_SCRIPTS",
                           "DUPLICATE_USE_INSTANTIATION"),
        "InternalMode": ("INTERNAL_MODE_DISABLED", "INTERNAL_MODE_FRONT",
                         "INTERNAL_MODE_BACK"),
        "AutoTranslateMode": ("AUTO_TRANSLATE_MODE_INHERIT", "AUTO_TRANSLATE_MODE_ALWAYS",
                              "AUTO_TRANSLATE_MODE_DISABLED"),
    }

    def __init__(self) -> None:
        super().__init__()
        self._gd_name = ""
        self._gd_parent: Node | None = None
        self._gd_children: list[Node] = []
        self._gd_internal = 0
        self._gd_tree: SceneTree | None = None
        self._gd_groups: dict[str, bool] = {}
        self._gd_owner: Node | None = None
        self._gd_ready_first = True
        self._gd_ready_notified = False
        self._gd_blocked = 0
        self._gd_process = self._gd_physics = False
        self._gd_process_internal = self._gd_physics_internal = False
        self._gd_process_mode = 0
        self._gd_priority = self._gd_physics_priority = 0
        self._gd_queued = False
        self._gd_unique_name = False
        self._gd_input_flags: dict[str, bool] = {}

    def _gd_str(self, dialect: int) -> str:
        if self._gd_freed:
            return "<Freed Object>" if dialect == 4 else "[Deleted Object]"
        if dialect == 3 or not self._gd_name:
            return super()._gd_str(dialect)
        return f"{self._gd_name}:{super()._gd_str(dialect)}"

    # * Name ------------------------------------------------------------
    def _gd_name_value(self) -> Any:
        return StringName(self._gd_name) if self._GD_DIALECT == 4 else self._gd_name

    def _gd_set_name(self, value: Any) -> None:
        invalid = _INVALID_NAME_CHARS_4 if self._GD_DIALECT == 4 else _INVALID_NAME_CHARS_3
        text = str(value)
        for char in invalid:
            text = text.replace(char, "_" if self._GD_DIALECT == 4 else "")
        if not text:
            engine_error('Condition "name.is_empty()" is true.')
            return
        self._gd_name = text
        if self._gd_parent is not None:
            self._gd_parent._gd_validate_child_name(self, False)
        if self._gd_tree is not None:
            _emit(self, "renamed")
            self._gd_tree._gd_node_renamed(self)

    name = property(_gd_name_value, _gd_set_name)

    def get_name(self) -> Any:
        return self._gd_name_value()

    def set_name(self, value: Any) -> None:
        self._gd_set_name(value)

    def _gd_sibling(self, name: str, child: Node) -> bool:
        return any(c._gd_name == name and c is not child for c in self._gd_children)

    def _gd_validate_child_name(self, child: Node, readable: bool) -> None:
        if readable:
            child._gd_name = self._gd_serial_name(child)
        elif not child._gd_name or self._gd_sibling(child._gd_name, child):
            _auto_name_counter[0] += 1
            base = child.get_class() if child._GD_DIALECT == 4 else child._gd_name
            child._gd_name = f"@{base}@{_auto_name_counter[0]}"

    def _gd_serial_name(self, child: Node) -> str:
        name = child._gd_name or child.get_class()
        if not self._gd_sibling(name, child):
            return name
        stem = name.rstrip("0123456789")
        number = int(name[len(stem):]) if len(stem) < len(name) else 1
        while True:
            number += 1
            if not self._gd_sibling(f"{stem}{number}", child):
                return f"{stem}{number}"

    # * Children ----------------------------------------------------------
    def add_child(self, node: Node, force_readable_name: bool = False,
                  internal: int = 0) -> None:
        if not self._gd_can_adopt(node):
            return
        self._gd_validate_child_name(node, force_readable_name)
        node._gd_internal = internal
        self._gd_insert_child(node, internal)
        node._gd_parent = self
        node._gd_notify(self.NOTIFICATION_PARENTED)
        if self._gd_tree is not None:
            node._gd_set_tree(self._gd_tree)
        _emit(self, "child_order_changed")

    def _gd_can_adopt(self, node: Any) -> bool:
        if not isinstance(node, Node):
            engine_error('Parameter "p_child" is null.')
            return False
        if node is self:
            engine_error(f"Can't add child '{node._gd_name}' to itself.")
        elif node._gd_parent is not None:
            engine_error(f"Can't add child '{node._gd_name}' to '{self._gd_name}', already "
                         f"has a parent '{node._gd_parent._gd_name}'.")
        elif node.is_ancestor_of(self):
            engine_error(f"Can't add child '{node._gd_name}' to '{self._gd_name}' as it would "
                         f"result in a cyclic dependency since '{node._gd_name}' is already a "
                         f"parent of '{self._gd_name}'.")
        elif self._gd_blocked > 0:
            engine_error("Parent node is busy setting up children, `add_child()` failed. "
                         "Consider using `add_child.call_deferred(child)` instead.")
        else:
            return True
        return False

    def _gd_insert_child(self, node: Node, internal: int) -> None:
        kids = self._gd_children
        if internal == self.INTERNAL_MODE_BACK:
            kids.append(node)
        elif internal == self.INTERNAL_MODE_FRONT:
            at = sum(1 for c in kids if c._gd_internal == self.INTERNAL_MODE_FRONT)
            kids.insert(at, node)
        else:
            at = len(kids) - sum(1 for c in kids if c._gd_internal == self.INTERNAL_MODE_BACK)
            kids.insert(at, node)

    def add_sibling(self, sibling: Node, force_readable_name: bool = False) -> None:
        if self._gd_parent is None:
            engine_error('Parameter "data.parent" is null.')
            return
        parent = self._gd_parent
        parent.add_child(sibling, force_readable_name, self._gd_internal)
        if sibling._gd_parent is parent:
            parent.move_child(sibling, self.get_index() + 1)

    def remove_child(self, node: Node) -> None:
        if self._gd_blocked > 0:
            engine_error("Parent node is busy adding/removing children, `remove_child()` can't "
                         "be called at this time. Consider using `remove_child.call_deferred"
                         "(child)` instead.")
            return
        if not isinstance(node, Node) or node._gd_parent is not self:
            engine_error('Condition "p_child->data.parent != this" is true.')
            return
        tree = self._gd_tree
        self._gd_blocked += 1
        if tree is not None:
            node._gd_propagate_exit_tree()
        node._gd_notify(self.NOTIFICATION_UNPARENTED)
        self._gd_blocked -= 1
        self._gd_children.remove(node)
        node._gd_parent = None
        if node._gd_owner is not None and not node._gd_owner.is_ancestor_of(node):
            node._gd_owner = None
        _emit(self, "child_order_changed")
        if tree is not None:
            node._gd_propagate_after_exit_tree()
            tree._gd_tree_changed()

    def get_child(self, idx: int, include_internal: bool = False) -> Any:
        kids = self._gd_visible_children(include_internal)
        if idx < 0 and self._GD_DIALECT == 4:
            idx += len(kids)
        if not 0 <= idx < len(kids):
            engine_error(f"Index p_index = {idx} is out of bounds "
                         f"({'children_cache' if self._GD_DIALECT == 4 else 'data.children'}"
                         f".size() = {len(kids)}).")
            return None
        return kids[idx]

    def _gd_visible_children(self, include_internal: bool) -> list[Node]:
        if include_internal:
            return list(self._gd_children)
        return [c for c in self._gd_children if c._gd_internal == 0]

    def get_children(self, include_internal: bool = False) -> Any:
        return _array(self._gd_visible_children(include_internal))

    def get_child_count(self, include_internal: bool = False) -> int:
        return len(self._gd_visible_children(include_internal))

    def get_parent(self) -> Node | None:
        return self._gd_parent

    def get_index(self, include_internal: bool = False) -> int:
        if self._gd_parent is None:
            return -1
        return self._gd_parent._gd_visible_children(
            include_internal or self._gd_internal != 0).index(self)

    def move_child(self, child_node: Node, to_index: int) -> None:
        if not isinstance(child_node, Node) or child_node._gd_parent is not self:
            engine_error("Child is not a child of this node.")
            return
        kids = self._gd_children
        if to_index < 0:
            to_index += len(kids)
        if not 0 <= to_index <= len(kids):
            engine_error(f"Invalid new child index: {to_index}.")
            return
        kids.remove(child_node)
        kids.insert(min(to_index, len(kids)), child_node)
        if self._gd_tree is not None:
            self._gd_tree._gd_tree_changed()
        _emit(self, "child_order_changed")

    def is_ancestor_of(self, node: Node) -> bool:
        parent = node._gd_parent if isinstance(node, Node) else None
        while parent is not None:
            if parent is self:
                return True
            parent = parent._gd_parent
        return False

    def is_greater_than(self, node: Node) -> bool:
        return _tree_order_key(self) > _tree_order_key(node)

    def find_child(self, pattern: str, recursive: bool = True, owned: bool = True) -> Any:
        for child in self._gd_children:
            if owned and child._gd_owner is None:
                pass
            elif glob_match(child._gd_name, pattern, False):
                return child
            if recursive:
                found = child.find_child(pattern, True, owned)
                if found is not None:
                    return found
        return None

    def find_children(self, pattern: str, type: str = "", recursive: bool = True,
                      owned: bool = True) -> Any:
        found: list[Node] = []
        for child in self._gd_children:
            if not (owned and child._gd_owner is None):
                if (not pattern or glob_match(child._gd_name, pattern, False)) and (
                        not type or child.is_class(type)):
                    found.append(child)
            if recursive:
                found.extend(child.find_children(pattern, type, True, owned))
        return _array(found)

    # * Paths ---------------------------------------------------------------
    def get_path(self) -> NodePath:
        if self._gd_tree is None:
            engine_error("Cannot get path of node as it is not in a scene tree.")
            return NodePath()
        names: list[str] = []
        node: Node | None = self
        while node is not None:
            names.append(node._gd_name)
            node = node._gd_parent
        return NodePath.from_parts(tuple(reversed(names)), (), True)

    def get_path_to(self, node: Node, use_unique_path: bool = False) -> NodePath:
        mine, theirs = _ancestry(self), _ancestry(node)
        if mine[0] is not theirs[0]:
            engine_error('Condition "!common_parent" is true. Returned: NodePath()')
            return NodePath()
        common = 0
        while common < min(len(mine), len(theirs)) and mine[common] is theirs[common]:
            common += 1
        names = [".."] * (len(mine) - common) + [n._gd_name for n in theirs[common:]]
        return NodePath.from_parts(tuple(names or ["."]), (), False)

    def get_node_or_null(self, path: Any) -> Any:
        path = path if isinstance(path, NodePath) else NodePath(path)
        if not path.names and not path.absolute:
            return None
        if path.absolute and self._gd_tree is None:
            engine_error("Can't use get_node() with absolute paths from outside the active "
                         "scene tree.")
            return None
        return _walk_path(self, path)

    def get_node(self, path: Any) -> Any:
        node = self.get_node_or_null(path)
        if node is None:
            text = str(path)
            if self._GD_DIALECT == 3:
                engine_error(f"Node not found: {text}.")
            elif text.startswith("/"):
                engine_error(f'Node not found: "{text}" (absolute path attempted from '
                             f'"{self._gd_description()}").')
            else:
                engine_error(f'Node not found: "{text}" (relative to '
                             f'"{self._gd_description()}").')
        return node

    def _gd_description(self) -> str:
        if self._gd_tree is not None:
            return str(self.get_path())
        return self._gd_name or self.get_class()

    def has_node(self, path: Any) -> bool:
        return self.get_node_or_null(path) is not None

    # * Owner, unique names ------------------------------------------------
    def _gd_get_owner(self) -> Node | None:
        return self._gd_owner

    def _gd_set_owner(self, owner: Node | None) -> None:
        if owner is not None and not owner.is_ancestor_of(self):
            engine_error("Invalid owner. Owner must be an ancestor in the tree.")
            return
        self._gd_owner = owner

    owner = property(_gd_get_owner, _gd_set_owner)

    def get_owner(self) -> Node | None:
        return self._gd_owner

    def set_owner(self, owner: Node | None) -> None:
        self._gd_set_owner(owner)

    unique_name_in_owner = property(
        lambda self: self._gd_unique_name,
        lambda self, value: setattr(self, "_gd_unique_name", bool(value)))

    scene_file_path = property(lambda self: "", lambda self, value: None)
    editor_description = property(lambda self: "", lambda self, value: None)

    # * Orphans (nodes outside any tree that are still alive) -------------------
    @staticmethod
    def _gd_orphans() -> list[tuple[int, str, str, str]]:
        """(id, path, class, script path) of live nodes outside the tree, by id."""
        import gc

        gc.collect()  # unreachable nodes are freed in this model, not leaked
        tree_root = getattr(CURRENT_TREE[0], "_gd_root", None)
        found = []
        for obj in list(objects.INSTANCES.values()):
            if not isinstance(obj, Node) or obj._gd_freed or obj.is_inside_tree():
                continue
            root = obj
            while root._gd_parent is not None:
                root = root._gd_parent
            if root is tree_root:  # the main loop's root: in the tree once it runs
                continue
            path = obj._gd_name if root is obj else \
                f"{root._gd_name}/{root.get_path_to(obj)}"
            info = getattr(type(obj), "_gd_script", None)
            found.append((obj._gd_id, path, obj.get_class(), info.path if info else ""))
        return sorted(found)

    @staticmethod
    def print_orphan_nodes() -> None:
        from .utility_functions import OUTPUT

        for ident, path, cls, source in Node._gd_orphans():
            OUTPUT.write_out(f"{ident} - Stray Node: {path} (Type: {cls}) (Source:{source})")

    @staticmethod
    def get_orphan_node_ids() -> Any:
        return _array([orphan[0] for orphan in Node._gd_orphans()])

    # * Tree membership -----------------------------------------------------
    def is_inside_tree(self) -> bool:
        return self._gd_tree is not None

    def get_tree(self) -> Any:
        if self._gd_tree is None:
            engine_error('Parameter "data.tree" is null.' if self._GD_DIALECT == 4
                         else 'Condition "!data.tree" is true. Returned: __null')
        return self._gd_tree

    def get_viewport(self) -> Any:
        return self._gd_tree._gd_root if self._gd_tree is not None else None

    def get_window(self) -> Any:
        return self.get_viewport()

    def is_node_ready(self) -> bool:
        return not self._gd_ready_first

    def request_ready(self) -> None:
        self._gd_ready_first = True

    def get_depth(self) -> int:
        return len(_ancestry(self)) if self._gd_tree is not None else -1

    def _gd_set_tree(self, tree: SceneTree | None) -> None:
        if tree is None:
            self._gd_propagate_exit_tree()
            self._gd_propagate_after_exit_tree()
            return
        self._gd_propagate_enter_tree(tree)
        if self._gd_parent is None or self._gd_parent._gd_ready_notified:
            self._gd_propagate_ready()
        tree._gd_tree_changed()

    def _gd_propagate_enter_tree(self, tree: SceneTree) -> None:
        self._gd_tree = tree
        tree._gd_node_count += 1
        for group in self._gd_groups:
            tree._gd_add_to_group(group, self)
        self._gd_notify(self.NOTIFICATION_ENTER_TREE)
        call_virtual(self, "_enter_tree")
        _emit(self, "tree_entered")
        tree._gd_node_added(self)
        if self._gd_parent is not None:
            _emit(self._gd_parent, "child_entered_tree", self)
        self._gd_blocked += 1
        for child in list(self._gd_children):
            if child._gd_tree is None and child._gd_parent is self:
                child._gd_propagate_enter_tree(tree)
        self._gd_blocked -= 1

    def _gd_propagate_ready(self) -> None:
        self._gd_ready_notified = True
        self._gd_blocked += 1
        for child in list(self._gd_children):
            child._gd_propagate_ready()
        self._gd_blocked -= 1
        self._gd_notify(self.NOTIFICATION_POST_ENTER_TREE)
        if self._gd_ready_first:
            self._gd_ready_first = False
            self._gd_native_ready()
            if script_virtual(self, "_process") is not None:
                self.set_process(True)
            if script_virtual(self, "_physics_process") is not None:
                self.set_physics_process(True)
            call_virtual(self, "_ready")
            self._gd_notify(self.NOTIFICATION_READY)
            _emit(self, "ready")

    def _gd_native_ready(self) -> None:
        """What a native class does on NOTIFICATION_READY, before the script's ``_ready``."""

    def _gd_propagate_exit_tree(self) -> None:
        tree = self._gd_tree
        self._gd_blocked += 1
        for child in reversed(list(self._gd_children)):
            child._gd_propagate_exit_tree()
        self._gd_blocked -= 1
        call_virtual(self, "_exit_tree")
        _emit(self, "tree_exiting")
        self._gd_notify(self.NOTIFICATION_EXIT_TREE)
        if tree is not None:
            tree._gd_node_removed(self)
        if self._gd_parent is not None:
            _emit(self._gd_parent, "child_exiting_tree", self)
        if tree is not None:
            for group in self._gd_groups:
                tree._gd_remove_from_group(group, self)
            tree._gd_node_count -= 1
            tree._gd_tree_changed()
        self._gd_ready_notified = False
        self._gd_tree = None

    def _gd_propagate_after_exit_tree(self) -> None:
        self._gd_blocked += 1
        for child in reversed(list(self._gd_children)):
            child._gd_propagate_after_exit_tree()
        self._gd_blocked -= 1
        _emit(self, "tree_exited")

    def _gd_notify(self, what: int) -> None:
        if script_virtual(self, "_notification") is not None:
            call_virtual(self, "_notification", what)

    # * Groups ---------------------------------------------------------------
    def add_to_group(self, group: str, persistent: bool = False) -> None:
        group = str(group)
        if group in self._gd_groups:
            return
        self._gd_groups[group] = bool(persistent)
        if self._gd_tree is not None:
            self._gd_tree._gd_add_to_group(group, self)

    def remove_from_group(self, group: str) -> None:
        group = str(group)
        if group not in self._gd_groups:
            engine_error('Condition "!E" is true.')
            return
        del self._gd_groups[group]
        if self._gd_tree is not None:
            self._gd_tree._gd_remove_from_group(group, self)

    def is_in_group(self, group: str) -> bool:
        return str(group) in self._gd_groups

    def get_groups(self) -> Any:
        return _array([StringName(g) for g in self._gd_groups])

    # * Processing ---------------------------------------------------------
    def _gd_set_flag(self, attr: str, enable: bool) -> None:
        if getattr(self, attr) != bool(enable):
            setattr(self, attr, bool(enable))
            if self._gd_tree is not None:
                self._gd_tree._gd_process_dirty = True

    def set_process(self, enable: bool) -> None:
        self._gd_set_flag("_gd_process", enable)

    def is_processing(self) -> bool:
        return self._gd_process

    def set_physics_process(self, enable: bool) -> None:
        self._gd_set_flag("_gd_physics", enable)

    def is_physics_processing(self) -> bool:
        return self._gd_physics

    def set_process_internal(self, enable: bool) -> None:
        self._gd_set_flag("_gd_process_internal", enable)

    def is_processing_internal(self) -> bool:
        return self._gd_process_internal

    def set_physics_process_internal(self, enable: bool) -> None:
        self._gd_set_flag("_gd_physics_internal", enable)

    def is_physics_processing_internal(self) -> bool:
        return self._gd_physics_internal

    def _gd_set_process_mode(self, mode: int) -> None:
        self._gd_process_mode = int(mode)
        if self._gd_tree is not None:
            self._gd_tree._gd_process_dirty = True

    process_mode = property(lambda self: self._gd_process_mode, _gd_set_process_mode)

    def set_process_mode(self, mode: int) -> None:
        self._gd_set_process_mode(mode)

    def get_process_mode(self) -> int:
        return self._gd_process_mode

    def _gd_set_priority(self, value: int) -> None:
        self._gd_priority = int(value)
        if self._gd_tree is not None:
            self._gd_tree._gd_process_dirty = True

    def _gd_set_physics_priority(self, value: int) -> None:
        self._gd_physics_priority = int(value)
        if self._gd_tree is not None:
            self._gd_tree._gd_process_dirty = True

    process_priority = property(lambda self: self._gd_priority, _gd_set_priority)
    process_physics_priority = property(
        lambda self: self._gd_physics_priority, _gd_set_physics_priority)

    def set_process_priority(self, priority: int) -> None:
        self._gd_set_priority(priority)

    def can_process(self) -> bool:
        if self._gd_tree is None:
            return False
        mode = self._gd_effective_mode()
        paused = self._gd_tree._gd_paused
        if mode == self.PROCESS_MODE_ALWAYS:
            return True
        if mode == self.PROCESS_MODE_WHEN_PAUSED:
            return paused
        return mode == self.PROCESS_MODE_PAUSABLE and not paused

    def _gd_effective_mode(self) -> int:
        node: Node | None = self
        while node is not None:
            if node._gd_process_mode != self.PROCESS_MODE_INHERIT:
                return node._gd_process_mode
            node = node._gd_parent
        return self.PROCESS_MODE_PAUSABLE

    def get_process_delta_time(self) -> float:
        return self._gd_tree._gd_process_delta if self._gd_tree is not None else 0.0

    def get_physics_process_delta_time(self) -> float:
        return self._gd_tree._gd_physics_delta if self._gd_tree is not None else 0.0

    def _gd_internal_process(self, delta: float) -> None:
        """NOTIFICATION_INTERNAL_PROCESS of a native class (Timer)."""

    def _gd_internal_physics_process(self, delta: float) -> None:
        """NOTIFICATION_INTERNAL_PHYSICS_PROCESS of a native class."""

    # * Lifetime -------------------------------------------------------------
    def queue_free(self) -> None:
        tree = self._gd_tree or CURRENT_TREE[0]
        if tree is None:
            engine_error("Can't queue free a node when no SceneTree is available.")
            return
        tree.queue_delete(self)

    def is_queued_for_deletion(self) -> bool:
        return self._gd_queued

    def free(self) -> None:
        if self._gd_freed:
            return
        self._gd_notify(self.NOTIFICATION_PREDELETE)
        if self._gd_parent is not None:
            self._gd_parent.remove_child(self)
        while self._gd_children:
            child = self._gd_children[-1]
            self.remove_child(child)
            child.free()
        self._gd_connections.clear()
        self._gd_freed = True

    def duplicate(self, flags: int = 15) -> Node:
        copy = type(self)()
        copy._gd_name = self._gd_name
        copy._gd_groups = dict(self._gd_groups)
        copy._gd_process_mode = self._gd_process_mode
        for child in self._gd_children:
            if child._gd_internal == 0:
                copy.add_child(child.duplicate(flags))
        return copy

    def reparent(self, new_parent: Node, keep_global_transform: bool = True) -> None:
        if self._gd_parent is None:
            engine_error("Node needs a parent to be reparented.")
            return
        if new_parent is self._gd_parent:
            return
        self._gd_parent.remove_child(self)
        new_parent.add_child(self)

    # * Printing -----------------------------------------------------------
    def print_tree(self) -> None:
        print(self.get_tree_string(), end="")

    def print_tree_pretty(self) -> None:
        print(self.get_tree_string_pretty(), end="")

    def get_tree_string(self) -> str:
        return "".join(str(self.get_path_to(n)) + "\n" for n in _walk(self))

    def get_tree_string_pretty(self) -> str:
        return _pretty_lines(self, "", True)

    def propagate_notification(self, what: int) -> None:
        self._gd_notify(what)
        for child in list(self._gd_children):
            child.propagate_notification(what)

    def propagate_call(self, method: str, args: Any = None, parent_first: bool = False) -> None:
        args = list(args or ())
        if parent_first and _has_method(self, method):
            Callable(self, method)(*args)
        for child in list(self._gd_children):
            child.propagate_call(method, args, parent_first)
        if not parent_first and _has_method(self, method):
            Callable(self, method)(*args)


def _input_flag_methods(kind: str) -> None:
    """``set_process_<kind>``/``is_processing_<kind>``: accepted, stored, never used."""
    def set_(self: Node, enable: bool) -> None:
        self._gd_input_flags[kind] = bool(enable)

    def is_(self: Node) -> bool:
        return self._gd_input_flags.get(kind, False)

    set_.__name__, is_.__name__ = f"set_process_{kind}", f"is_processing_{kind}"
    setattr(Node, set_.__name__, set_)
    setattr(Node, is_.__name__, is_)


for _kind in ("input", "unhandled_input", "unhandled_key_input", "shortcut_input"):
    _input_flag_methods(_kind)


# * Tree walking helpers --------------------------------------------------

def _walk(node: Node) -> list[Node]:
    """``node`` and its descendants in tree order (internal children included)."""
    out: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(reversed(current._gd_children))
    return out


def _ancestry(node: Node) -> list[Node]:
    chain: list[Node] = []
    current: Node | None = node
    while current is not None:
        chain.append(current)
        current = current._gd_parent
    chain.reverse()
    return chain


def _tree_order_key(node: Node) -> tuple[int, ...]:
    chain = _ancestry(node)
    return tuple(parent._gd_children.index(child) for parent, child in zip(chain, chain[1:]))


def _walk_path(start: Node, path: NodePath) -> Node | None:
    current: Node | None = None if path.absolute else start
    top = _ancestry(start)[0]
    for name in path.names:
        if name == ".":
            continue
        if name == "..":
            if current is None or current._gd_parent is None:
                return None
            current = current._gd_parent
        elif current is None:
            current = top if name == top._gd_name else None
            if current is None:
                return None
        elif name.startswith("%"):
            current = _find_unique(current, name[1:])
            if current is None:
                return None
        else:
            current = next((c for c in current._gd_children if c._gd_name == name), None)
            if current is None:
                return None
    return current


def _find_unique(node: Node, name: str) -> Node | None:
    """``%Name``: a descendant marked unique_name_in_owner, owned by ``node`` or its owner."""
    for owner in (node, node._gd_owner):
        if owner is None:
            continue
        for candidate in _walk(owner)[1:]:
            if (candidate._gd_unique_name and candidate._gd_name == name
                    and candidate._gd_owner is owner):
                return candidate
    return None


def _pretty_lines(node: Node, indent: str, last: bool) -> str:
    text = indent + (" ┖╴" if last else " ┠╴") + node._gd_name + "\n"
    indent += "   " if last else " ┃ "
    kids = node._gd_children
    for i, child in enumerate(kids):
        text += _pretty_lines(child, indent, i == len(kids) - 1)
    return text


class Node3Mixin:
    """What every Godot 3 node has instead of (or besides) the 4.x API."""

    _GD_DIALECT = 3
    PAUSE_MODE_INHERIT = 0
    PAUSE_MODE_STOP = 1
    PAUSE_MODE_PROCESS = 2
    NOTIFICATION_INSTANCED = 20
    NOTIFICATION_PATH_CHANGED = 23
    _PAUSE_TO_PROCESS: ClassVar[dict[int, int]] = {0: 0, 1: 1, 2: 3}

    def _gd_get_pause_mode(self) -> int:
        mode = self._gd_process_mode  # type: ignore[attr-defined]
        return next((k for k, v in self._PAUSE_TO_PROCESS.items() if v == mode), 0)

    def _gd_set_pause_mode(self, mode: int) -> None:
        self._gd_set_process_mode(self._PAUSE_TO_PROCESS.get(int(mode), 0))  # type: ignore

    pause_mode = property(_gd_get_pause_mode, _gd_set_pause_mode)
    filename = property(lambda self: "", lambda self, value: None)

    def set_pause_mode(self, mode: int) -> None:
        self._gd_set_pause_mode(mode)

    def get_pause_mode(self) -> int:
        return self._gd_get_pause_mode()


def dialect3(cls: type, godot_name: str | None = None) -> type:
    """A Godot 3 variant of the 4.x node class ``cls`` (3.x names, errors and auto names)."""
    name = godot_name or cls.GODOT_NAME
    return type(f"{cls.__name__}3" if name == cls.GODOT_NAME else name, (Node3Mixin, cls),
                {"GODOT_NAME": name, "__module__": cls.__module__,
                 "__doc__": f"Godot 3's {name}."})


Node3 = dialect3(Node)


class Viewport(Node):
    """Godot 4's Viewport (no rendering: only a Node)."""

    GODOT_NAME = "Viewport"
    SIGNALS = ("size_changed", "gui_focus_changed")


class Window(Viewport):
    """The tree's root in 4.x (no display: a plain Node named ``root``)."""

    GODOT_NAME = "Window"
    SIGNALS = ("close_requested", "focus_entered", "focus_exited", "visibility_changed",
               "window_input", "files_dropped", "about_to_popup", "go_back_requested")




Viewport3 = dialect3(Viewport)

GODOT_CLASSES: dict[str, Any] = {}
GODOT_CLASSES_4 = {"Node": Node, "Window": Window, "Viewport": Viewport}
GODOT_CLASSES_3 = {"Node": Node3, "Viewport": Viewport3}
