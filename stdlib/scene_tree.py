"""SceneTree, MainLoop, timers and the frame loop that drives a tree, headless.

Theory of operation
-------------------
:func:`run_main_loop` runs a MainLoop (usually a SceneTree, or a script's
subclass of one) frame by frame.  Each frame runs the physics steps due, then
one process step.  Per step, as in Godot 4's ``SceneTree::physics_process`` /
``process``: the main loop's own virtual (``_physics_process``/``_process``;
3.x ``_iteration``/``_idle``; a true result ends the loop), the
``physics_frame`` / ``process_frame`` (3.x ``idle_frame``) signal, the nodes
in tree order (stable by priority), the deferred calls of
``objects.MESSAGE_QUEUE``, the SceneTreeTimers, then ``queue_free``.

The loop ends after the frame in which ``quit()`` was called (its exit code),
or as soon as nothing is left that could ever run (exit code 0, or 1 when the
runtime set ``_gd_error_exit``): no processing node, no pending timer or
deferred call, no connection to a frame signal (an ``await`` on one is a
connection), no hold (``_gd_hold(owner)`` / ``_gd_release(owner)``: work in
flight such as an HTTP request).  Frames are paced at ``ticks_per_second``
only while something waits on time; a FakeClock makes that instant.

Godot 4: the root Window enters the tree when the loop starts (after
``_initialize``), so nodes added to it in a script's ``_init`` get
``_enter_tree``/``_ready`` then; ``_finalize`` runs after the tree is torn
down.  Godot 3: the root Viewport is in the tree from the start, and
``_finalize`` runs first (checked with godot3-server).

``Timer`` and the everyday node classes scripts extend (``Node2D``,
``Control``, ``Sprite2D``...: no drawing, no physics, plain properties) and
``Resource`` live here too (the Node base class is in nodes_extra.py).
"""

from __future__ import annotations

import math
import time

from ..errors import ScriptRuntimeError, engine_error
from . import objects
from .nodes_extra import (
    CURRENT_TREE, Node, Node3Mixin, Viewport3, Window, _array, _emit, _has_method,
    _tree_order_key, _walk, call_virtual, dialect3, flush_messages, guarded, script_virtual,
)
from .objects import Callable, Object, RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any, ClassVar

# * MainLoop ---------------------------------------------------------------

class MainLoop(Object):
    """Godot 4's MainLoop: the object the frame loop drives; scripts override its virtuals."""

    GODOT_NAME = "MainLoop"
    SIGNALS = ("on_request_permissions_result",)
    NOTIFICATION_OS_MEMORY_WARNING = 2009
    NOTIFICATION_TRANSLATION_CHANGED = 2010
    NOTIFICATION_WM_ABOUT = 2011
    NOTIFICATION_CRASH = 2012
    NOTIFICATION_OS_IME_UPDATE = 2013
    NOTIFICATION_APPLICATION_RESUMED = 2014
    NOTIFICATION_APPLICATION_PAUSED = 2015
    NOTIFICATION_APPLICATION_FOCUS_IN = 2016
    NOTIFICATION_APPLICATION_FOCUS_OUT = 2017
    NOTIFICATION_TEXT_SERVER_CHANGED = 2018
    _GD_PROCESS_VIRTUAL: ClassVar[str] = "_process"
    _GD_PHYSICS_VIRTUAL: ClassVar[str] = "_physics_process"

    def __init__(self) -> None:
        super().__init__()
        self._gd_quit = False
        self._gd_exit_code = 0
        self._gd_error_exit = False
        self._gd_timed_out = False
        self._gd_holds: dict[int, Any] = {}
        self._gd_process_delta = 0.0
        self._gd_physics_delta = 0.0
        self._gd_started = False

    # Pending work that is not a node, timer or signal (an HTTPRequest in flight).
    def _gd_hold(self, owner: Any) -> None:
        """Keep the loop running until ``_gd_release(owner)``."""
        self._gd_holds[id(owner)] = owner

    def _gd_release(self, owner: Any) -> None:
        self._gd_holds.pop(id(owner), None)

    def _gd_request_quit(self, exit_code: int | None) -> None:
        self._gd_quit = True
        if exit_code is not None:
            self._gd_exit_code = int(exit_code)

    def _gd_run_virtual(self, name: str, delta: float) -> None:
        if call_virtual(self, name, delta):
            self._gd_quit = True

    def _gd_start(self) -> None:
        self._gd_started = True
        call_virtual(self, "_initialize")

    def _gd_physics_step(self, delta: float) -> None:
        self._gd_physics_delta = delta
        self._gd_run_virtual(self._GD_PHYSICS_VIRTUAL, delta)

    def _gd_process_step(self, delta: float) -> None:
        self._gd_process_delta = delta
        self._gd_run_virtual(self._GD_PROCESS_VIRTUAL, delta)

    def _gd_finish(self) -> None:
        call_virtual(self, "_finalize")

    def _gd_time_work(self) -> bool:
        """Whether something waits on time or runs every frame."""
        return bool(self._gd_holds) or any(
            script_virtual(self, n) is not None
            for n in (self._GD_PROCESS_VIRTUAL, self._GD_PHYSICS_VIRTUAL))

    def _gd_has_work(self) -> bool:
        return bool(objects.MESSAGE_QUEUE) or self._gd_time_work()


class MainLoop3(MainLoop):
    """Godot 3's MainLoop: ``_idle``/``_iteration`` instead of ``_process``/``_physics_process``."""

    _GD_PROCESS_VIRTUAL = "_idle"
    _GD_PHYSICS_VIRTUAL = "_iteration"
    NOTIFICATION_WM_MOUSE_ENTER = 1002
    NOTIFICATION_WM_MOUSE_EXIT = 1003
    NOTIFICATION_WM_FOCUS_IN = 1004
    NOTIFICATION_WM_FOCUS_OUT = 1005
    NOTIFICATION_WM_QUIT_REQUEST = 1006
    NOTIFICATION_WM_GO_BACK_REQUEST = 1007
    NOTIFICATION_WM_UNFOCUS_REQUEST = 1008
    NOTIFICATION_OS_MEMORY_WARNING = 1009
    NOTIFICATION_TRANSLATION_CHANGED = 1010
    NOTIFICATION_WM_ABOUT = 1011
    NOTIFICATION_CRASH = 1012
    NOTIFICATION_OS_IME_UPDATE = 1013
    NOTIFICATION_APP_RESUMED = 1014
    NOTIFICATION_APP_PAUSED = 1015


# * SceneTree ---------------------------------------------------------------

class SceneTreeTimer(RefCounted):
    """A one-shot timer owned by the tree (``create_timer``); emits ``timeout`` once."""

    GODOT_NAME = "SceneTreeTimer"
    SIGNALS = ("timeout",)

    def __init__(self, time_sec: float = 0.0, process_always: bool = True,
                 in_physics: bool = False, ignore_time_scale: bool = False) -> None:
        super().__init__()
        self._gd_time_left = float(time_sec)
        self._gd_process_always = bool(process_always)
        self._gd_in_physics = bool(in_physics)
        self._gd_ignore_time_scale = bool(ignore_time_scale)

    time_left = property(lambda self: max(self._gd_time_left, 0.0),
                         lambda self, value: setattr(self, "_gd_time_left", float(value)))

    def get_time_left(self) -> float:
        return max(self._gd_time_left, 0.0)

    def set_time_left(self, time: float) -> None:
        self._gd_time_left = float(time)


class SceneTreeTimer3(SceneTreeTimer, Reference):
    GODOT_NAME = "SceneTreeTimer"


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


class SceneTree(MainLoop):
    """Godot 4's SceneTree: the root node, groups, timers, deferred frees, quit."""

    GODOT_NAME = "SceneTree"
    SIGNALS = ("tree_changed", "tree_process_mode_changed", "node_added", "node_removed",
               "node_renamed", "node_configuration_warning_changed", "process_frame",
               "physics_frame", "scene_changed")
    GROUP_CALL_DEFAULT = 0
    GROUP_CALL_REVERSE = 1
    GROUP_CALL_DEFERRED = 2
    GROUP_CALL_UNIQUE = 4
    _GD_ROOT_CLASS: ClassVar[type[Node]] = Window
    _GD_TIMER_CLASS: ClassVar[type[SceneTreeTimer]] = SceneTreeTimer
    _GD_PROCESS_SIGNAL: ClassVar[str] = "process_frame"
    _GD_FRAME_SIGNALS: ClassVar[tuple[str, ...]] = ("process_frame", "physics_frame")
    _GD_ROOT_ENTERS_AT_START: ClassVar[bool] = True
    # 3.x runs every node's internal process (Timers) before any _process.
    _GD_INTERNAL_FIRST: ClassVar[bool] = False

    def __init__(self) -> None:
        super().__init__()
        self._gd_groups_map: dict[str, list[Node]] = {}
        self._gd_timers: list[SceneTreeTimer] = []
        self._gd_delete_queue: list[Object] = []
        self._gd_frame = 0
        self._gd_paused = False
        self._gd_current_scene: Node | None = None
        self._gd_node_count = 0
        self._gd_process_dirty = True
        self._gd_process_lists: tuple[list[Node], list[Node]] = ([], [])
        root = self._GD_ROOT_CLASS()
        root._gd_name = "root"
        self._gd_root = root
        CURRENT_TREE[0] = self
        if not self._GD_ROOT_ENTERS_AT_START:
            root._gd_set_tree(self)

    # * Script-visible API -------------------------------------------------
    root = property(lambda self: self._gd_root)

    def get_root(self) -> Node:
        return self._gd_root

    def quit(self, exit_code: int = 0) -> None:
        self._gd_request_quit(exit_code)

    def _gd_get_paused(self) -> bool:
        return self._gd_paused

    def _gd_set_paused(self, value: bool) -> None:
        if self._gd_paused != bool(value):
            self._gd_paused = bool(value)
            self._gd_process_dirty = True

    paused = property(_gd_get_paused, _gd_set_paused)

    def set_pause(self, enable: bool) -> None:
        self._gd_set_paused(enable)

    def is_paused(self) -> bool:
        return self._gd_paused

    def _gd_set_current_scene(self, node: Node | None) -> None:
        if node is not None and node._gd_parent is not self._gd_root:
            engine_error('Condition "p_scene && p_scene->get_parent() != root" is true.')
            return
        self._gd_current_scene = node

    current_scene = property(lambda self: self._gd_current_scene, _gd_set_current_scene)

    def get_current_scene(self) -> Node | None:
        return self._gd_current_scene

    def set_current_scene(self, node: Node | None) -> None:
        self._gd_set_current_scene(node)

    def get_frame(self) -> int:
        return self._gd_frame

    def get_node_count(self) -> int:
        return self._gd_node_count

    def create_timer(self, time_sec: float, process_always: bool = True,
                     process_in_physics: bool = False,
                     ignore_time_scale: bool = False) -> SceneTreeTimer:
        timer = self._GD_TIMER_CLASS(time_sec, process_always, process_in_physics,
                                     ignore_time_scale)
        self._gd_timers.append(timer)
        return timer

    def create_tween(self) -> Any:
        raise ScriptRuntimeError("Tweens are not supported (create_tween).")

    def get_processed_tweens(self) -> Any:
        return _array([])

    def queue_delete(self, obj: Object) -> None:
        if obj is None:
            engine_error('Parameter "p_object" is null.')
            return
        if isinstance(obj, Node):
            obj._gd_queued = True
        if obj not in self._gd_delete_queue:
            self._gd_delete_queue.append(obj)

    # * Groups ---------------------------------------------------------------
    def _gd_add_to_group(self, group: str, node: Node) -> None:
        members = self._gd_groups_map.setdefault(group, [])
        if node not in members:
            members.append(node)

    def _gd_remove_from_group(self, group: str, node: Node) -> None:
        members = self._gd_groups_map.get(group)
        if members and node in members:
            members.remove(node)
            if not members:
                del self._gd_groups_map[group]

    def _gd_group_nodes(self, group: str) -> list[Node]:
        return sorted(self._gd_groups_map.get(str(group), []), key=_tree_order_key)

    def has_group(self, name: str) -> bool:
        return str(name) in self._gd_groups_map

    def get_nodes_in_group(self, group: str) -> Any:
        return _array(self._gd_group_nodes(group))

    def get_first_node_in_group(self, group: str) -> Node | None:
        nodes = self._gd_group_nodes(group)
        return nodes[0] if nodes else None

    def get_node_count_in_group(self, group: str) -> int:
        return len(self._gd_groups_map.get(str(group), []))

    def call_group_flags(self, flags: int, group: str, method: str, *args: Any) -> None:
        nodes = self._gd_group_nodes(group)
        if flags & self.GROUP_CALL_REVERSE:
            nodes.reverse()
        for node in nodes:
            if node._gd_freed or not _has_method(node, method):
                continue  # Godot skips members without the method silently
            call = Callable(node, str(method))
            if flags & self.GROUP_CALL_DEFERRED:
                objects.MESSAGE_QUEUE.append((call, args))
            else:
                call(*args)

    def call_group(self, group: str, method: str, *args: Any) -> None:
        self.call_group_flags(self.GROUP_CALL_DEFAULT, group, method, *args)

    def notify_group(self, group: str, notification: int) -> None:
        for node in self._gd_group_nodes(group):
            node._gd_notify(notification)

    def notify_group_flags(self, call_flags: int, group: str, notification: int) -> None:
        self.notify_group(group, notification)

    def set_group(self, group: str, property: str, value: Any) -> None:
        from ..runtime import set_member

        for node in self._gd_group_nodes(group):
            set_member(node, str(property), value)

    def set_group_flags(self, call_flags: int, group: str, property: str, value: Any) -> None:
        self.set_group(group, property, value)

    # * Tree events ----------------------------------------------------------
    def _gd_node_added(self, node: Node) -> None:
        _emit(self, "node_added", node)

    def _gd_node_removed(self, node: Node) -> None:
        if self._gd_current_scene is node:
            self._gd_current_scene = None
        _emit(self, "node_removed", node)

    def _gd_node_renamed(self, node: Node) -> None:
        _emit(self, "node_renamed", node)
        self._gd_tree_changed()

    def _gd_tree_changed(self) -> None:
        self._gd_process_dirty = True
        _emit(self, "tree_changed")

    # * Frame steps ------------------------------------------------------------
    def _gd_start(self) -> None:
        super()._gd_start()
        if self._GD_ROOT_ENTERS_AT_START and self._gd_root._gd_tree is None:
            self._gd_root._gd_set_tree(self)

    def _gd_physics_step(self, delta: float) -> None:
        self._gd_frame += 1
        super()._gd_physics_step(delta)
        _emit(self, "physics_frame")
        self._gd_process_nodes(True, delta)
        flush_messages()
        self._gd_process_timers(delta, True)
        self._gd_flush_delete_queue()

    def _gd_process_step(self, delta: float) -> None:
        super()._gd_process_step(delta)
        _emit(self, self._GD_PROCESS_SIGNAL)
        flush_messages()
        self._gd_process_nodes(False, delta)
        flush_messages()
        self._gd_process_timers(delta, False)
        self._gd_flush_delete_queue()

    def _gd_processing_nodes(self, physics: bool) -> list[Node]:
        if self._gd_process_dirty:
            every = _walk(self._gd_root) if self._gd_root._gd_tree is self else []
            idle = [n for n in every if n._gd_process or n._gd_process_internal]
            phys = [n for n in every if n._gd_physics or n._gd_physics_internal]
            idle.sort(key=lambda n: n._gd_priority)
            phys.sort(key=lambda n: n._gd_physics_priority)
            self._gd_process_lists = (idle, phys)
            self._gd_process_dirty = False
        return self._gd_process_lists[1 if physics else 0]

    def _gd_process_nodes(self, physics: bool, delta: float) -> None:
        nodes = [n for n in self._gd_processing_nodes(physics) if n.can_process()]
        if self._GD_INTERNAL_FIRST:
            for node in nodes:
                self._gd_process_one(node, physics, delta, internal=True, normal=False)
            for node in nodes:
                self._gd_process_one(node, physics, delta, internal=False, normal=True)
        else:
            for node in nodes:
                self._gd_process_one(node, physics, delta, internal=True, normal=True)

    def _gd_process_one(self, node: Node, physics: bool, delta: float,
                        internal: bool, normal: bool) -> None:
        if node._gd_freed or node._gd_tree is not self:
            return  # removed by an earlier callback this frame
        if physics:
            if internal and node._gd_physics_internal:
                guarded(node._gd_internal_physics_process, delta)
            if normal and node._gd_physics:
                call_virtual(node, "_physics_process", delta)
                node._gd_notify(Node.NOTIFICATION_PHYSICS_PROCESS)
        else:
            if internal and node._gd_process_internal:
                guarded(node._gd_internal_process, delta)
            if normal and node._gd_process:
                call_virtual(node, "_process", delta)
                node._gd_notify(Node.NOTIFICATION_PROCESS)

    def _gd_timer_due(self, timer: SceneTreeTimer, delta: float) -> bool:
        timer._gd_time_left -= delta
        return timer._gd_time_left <= 0

    def _gd_process_timers(self, delta: float, physics: bool) -> None:
        for timer in list(self._gd_timers):  # timers made while firing wait a frame
            if (self._gd_paused and not timer._gd_process_always) or (
                    timer._gd_in_physics != physics):
                continue
            if self._gd_timer_due(timer, delta):
                _emit(timer, "timeout")
                if timer in self._gd_timers:
                    self._gd_timers.remove(timer)

    def _gd_flush_delete_queue(self) -> None:
        queue, self._gd_delete_queue = self._gd_delete_queue, []
        for obj in queue:
            if not obj._gd_freed:
                guarded(obj.free)

    def _gd_finish(self) -> None:
        self._gd_flush_delete_queue()
        self._gd_teardown_root()
        super()._gd_finish()
        self._gd_end_timers()

    def _gd_teardown_root(self) -> None:
        root = self._gd_root
        if root._gd_tree is self:
            root._gd_set_tree(None)
        root.free()
        self._gd_flush_delete_queue()

    def _gd_end_timers(self) -> None:
        for timer in self._gd_timers:
            timer._gd_connections.clear()
        self._gd_timers.clear()

    # * Is anything left? ------------------------------------------------------
    def _gd_time_work(self) -> bool:
        if super()._gd_time_work():
            return True
        if any(self._gd_connections.get(s) for s in self._GD_FRAME_SIGNALS):
            return True
        if any(t._gd_process_always or not self._gd_paused for t in self._gd_timers):
            return True
        nodes = self._gd_processing_nodes(False) + self._gd_processing_nodes(True)
        return any(n.can_process() for n in nodes)

    def _gd_has_work(self) -> bool:
        return bool(self._gd_delete_queue) or super()._gd_has_work()


class SceneTree3(SceneTree):
    """Godot 3's SceneTree: ``idle_frame``, a Viewport root already in the tree at ``_init``."""

    SIGNALS = ("idle_frame", "screen_resized", "node_configuration_warning_changed",
               "files_dropped", "global_menu_action", "connected_to_server",
               "connection_failed", "server_disconnected", "network_peer_connected",
               "network_peer_disconnected")
    _GD_PROCESS_VIRTUAL = "_idle"
    _GD_PHYSICS_VIRTUAL = "_iteration"
    _GD_ROOT_CLASS = Viewport3
    _GD_TIMER_CLASS = SceneTreeTimer3
    _GD_PROCESS_SIGNAL = "idle_frame"
    _GD_FRAME_SIGNALS = ("idle_frame", "physics_frame")
    _GD_ROOT_ENTERS_AT_START = False
    _GD_INTERNAL_FIRST = True

    GROUP_CALL_REALTIME = 2  # 3.x: flag 2 calls at once; without it calls are queued

    def _gd_run_virtual(self, name: str, delta: float) -> None:
        call_virtual(self, name, delta)  # 3.x's SceneTree ignores what _idle() returns

    def quit(self, exit_code: int = -1) -> None:
        self._gd_request_quit(exit_code if exit_code >= 0 else None)

    def call_group_flags(self, flags: int, group: str, method: str, *args: Any) -> None:
        queued = 0 if flags & self.GROUP_CALL_REALTIME else self.GROUP_CALL_DEFERRED
        super().call_group_flags((flags & ~self.GROUP_CALL_REALTIME) | queued, group, method,
                                 *args)

    def create_timer(self, time_sec: float, pause_mode_process: bool = True) -> SceneTreeTimer:
        return super().create_timer(time_sec, pause_mode_process)

    def _gd_timer_due(self, timer: SceneTreeTimer, delta: float) -> bool:
        timer._gd_time_left -= delta
        return timer._gd_time_left < 0

    def _gd_finish(self) -> None:
        # 3.x runs the script's _finalize before the tree is torn down.
        self._gd_flush_delete_queue()
        call_virtual(self, "_finalize")
        self._gd_teardown_root()
        self._gd_end_timers()


# * The frame loop ------------------------------------------------------------

class RealClock:
    """Wall time; ``sleep_until`` really waits."""

    def now(self) -> float:
        return time.monotonic()

    def sleep_until(self, when: float) -> None:
        delay = when - time.monotonic()
        if delay > 0:
            time.sleep(delay)


class FakeClock:
    """Time that only moves when the loop waits: frames run back to back (tests)."""

    def __init__(self, start: float = 0.0) -> None:
        self.time = start

    def now(self) -> float:
        return self.time

    def sleep_until(self, when: float) -> None:
        self.time = max(self.time, when)


MAX_PHYSICS_STEPS_PER_FRAME = 8


def run_main_loop(main_loop: MainLoop, clock: Any = None, max_seconds: float | None = None,
                  ticks_per_second: int = 60, scene: Node | None = None) -> int:
    """Run ``main_loop`` frame by frame until it quits or has nothing left; the exit code.

    ``scene`` (optional) is added under the root as the current scene first.
    After ``max_seconds`` of wall time the loop stops at once with 1 and sets
    ``main_loop._gd_timed_out`` (the caller prints the message).
    """
    clock = clock if clock is not None else RealClock()
    step = 1.0 / ticks_per_second
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    if scene is not None and isinstance(main_loop, SceneTree):
        main_loop._gd_root.add_child(scene)
        main_loop._gd_current_scene = scene
    main_loop._gd_start()
    last, owed = clock.now(), 0.0
    # quit() ends the loop after the frame it was called in (even from _init).
    while main_loop._gd_quit or main_loop._gd_has_work():
        if deadline is not None and time.monotonic() >= deadline:
            main_loop._gd_timed_out = True
            return 1
        if main_loop._gd_quit:  # the last frame: its delta is a frame's, but nobody waits
            now = max(clock.now(), last + step)
        else:
            if main_loop._gd_time_work():
                clock.sleep_until(last + step)
            now = clock.now()
        delta, last = now - last, now
        owed = _run_frame(main_loop, delta, owed + delta, step)
        if main_loop._gd_quit:
            break
    main_loop._gd_finish()
    if main_loop._gd_quit:
        return main_loop._gd_exit_code
    return 1 if main_loop._gd_error_exit else 0


def _run_frame(main_loop: MainLoop, delta: float, owed: float, step: float) -> float:
    """Physics steps due (owed time / step, capped), then one process step; time still owed."""
    steps = min(int((owed + 1e-9) // step), MAX_PHYSICS_STEPS_PER_FRAME)
    owed = min(owed - steps * step, step) if steps else owed
    for _ in range(steps):
        main_loop._gd_physics_step(step)
        flush_messages()
        if main_loop._gd_quit:
            break
    main_loop._gd_process_step(delta)
    return max(owed, 0.0)


# * Node classes scripts extend ---------------------------------------------

def _vec2(x: float = 0.0, y: float = 0.0) -> Any:
    from .math_vectors import Vector2

    return Vector2(x, y)


def _vec3(x: float = 0.0, y: float = 0.0, z: float = 0.0) -> Any:
    from .math_vectors import Vector3

    return Vector3(x, y, z)


def _with_props(cls: type) -> type:
    """Add a Godot property and ``get_``/``set_`` methods for every ``_PROPS`` entry."""
    for name, default in vars(cls).get("_PROPS", {}).items():
        setattr(cls, name, _simple_property(name, default))
        if not hasattr(cls, f"get_{name}"):
            setattr(cls, f"get_{name}", _getter(name))
        if not hasattr(cls, f"set_{name}"):
            setattr(cls, f"set_{name}", _setter(name))
    return cls


def _simple_property(name: str, default: Any) -> property:
    def get(self: Any) -> Any:
        props = self.__dict__.setdefault("_gd_props", {})
        if name not in props:
            props[name] = default() if callable(default) else default
        return props[name]

    def set_(self: Any, value: Any) -> None:
        self.__dict__.setdefault("_gd_props", {})[name] = value

    return property(get, set_)


def _getter(name: str) -> Any:
    def get(self: Any) -> Any:
        return getattr(self, name)

    get.__name__ = f"get_{name}"
    return get


def _setter(name: str) -> Any:
    def set_(self: Any, value: Any) -> None:
        setattr(self, name, value)

    set_.__name__ = f"set_{name}"
    return set_


def _node_class(name: str, base: type, signals: tuple[str, ...] = (),
                props: dict[str, Any] | None = None) -> Any:
    """A headless node class: its Godot name, base, signals and simple properties."""
    cls = type(name, (base,), {"GODOT_NAME": name, "SIGNALS": signals, "_PROPS": props or {},
                               "__module__": __name__,
                               "__doc__": f"Godot's {name} (headless: properties only)."})
    return _with_props(cls)


# * Timer ----------------------------------------------------------------------

class Timer(Node):
    """Counts down while in the tree; ``timeout`` each time it runs out."""

    GODOT_NAME = "Timer"
    SIGNALS = ("timeout",)
    TIMER_PROCESS_PHYSICS = 0
    TIMER_PROCESS_IDLE = 1
    _GD_NOT_IN_TREE: ClassVar[str] = (
        "Unable to start the timer because it's not inside the scene tree. "
        "Either add it or set autostart to true.")

    def __init__(self) -> None:
        super().__init__()
        self._gd_wait_time = 1.0
        self._gd_one_shot = False
        self._gd_autostart = False
        self._gd_timer_paused = False
        self._gd_time_left = -1.0
        self._gd_running = False
        self._gd_callback = self.TIMER_PROCESS_IDLE

    def _gd_set_wait_time(self, value: float) -> None:
        if value <= 0:
            engine_error("Time should be greater than zero.")
            return
        self._gd_wait_time = float(value)

    wait_time = property(lambda self: self._gd_wait_time, _gd_set_wait_time)
    one_shot = property(lambda self: self._gd_one_shot,
                        lambda self, value: setattr(self, "_gd_one_shot", bool(value)))
    autostart = property(lambda self: self._gd_autostart,
                         lambda self, value: setattr(self, "_gd_autostart", bool(value)))
    # Stored only: Engine.time_scale does not scale timers here.
    ignore_time_scale = property(
        lambda self: getattr(self, "_gd_ignore_time_scale", False),
        lambda self, value: setattr(self, "_gd_ignore_time_scale", bool(value)))

    def set_ignore_time_scale(self, ignore: bool) -> None:
        self.ignore_time_scale = ignore

    def is_ignoring_time_scale(self) -> bool:
        return self.ignore_time_scale

    def _gd_set_paused(self, value: bool) -> None:
        self._gd_timer_paused = bool(value)
        self._gd_update_processing()

    paused = property(lambda self: self._gd_timer_paused, _gd_set_paused)
    time_left = property(lambda self: max(self._gd_time_left, 0.0))

    def _gd_set_callback(self, value: int) -> None:
        self._gd_callback = int(value)
        self._gd_update_processing()

    process_callback = property(lambda self: self._gd_callback, _gd_set_callback)

    def set_wait_time(self, time_sec: float) -> None:
        self._gd_set_wait_time(time_sec)

    def get_wait_time(self) -> float:
        return self._gd_wait_time

    def set_one_shot(self, enable: bool) -> None:
        self._gd_one_shot = bool(enable)

    def is_one_shot(self) -> bool:
        return self._gd_one_shot

    def set_autostart(self, enable: bool) -> None:
        self._gd_autostart = bool(enable)

    def has_autostart(self) -> bool:
        return self._gd_autostart

    def set_paused(self, paused: bool) -> None:
        self._gd_set_paused(paused)

    def is_paused(self) -> bool:
        return self._gd_timer_paused

    def get_time_left(self) -> float:
        return max(self._gd_time_left, 0.0)

    def start(self, time_sec: float = -1) -> None:
        if not self.is_inside_tree():
            engine_error(self._GD_NOT_IN_TREE)
            return
        if time_sec > 0:
            self._gd_set_wait_time(time_sec)
        self._gd_time_left = self._gd_wait_time
        self._gd_running = True
        self._gd_update_processing()

    def stop(self) -> None:
        self._gd_time_left = -1.0
        self._gd_running = False
        self._gd_autostart = False
        self._gd_update_processing()

    def is_stopped(self) -> bool:
        return self.get_time_left() <= 0

    def _gd_update_processing(self) -> None:
        active = self._gd_running and not self._gd_timer_paused
        idle = self._gd_callback == self.TIMER_PROCESS_IDLE
        self.set_process_internal(active and idle)
        self.set_physics_process_internal(active and not idle)

    def _gd_native_ready(self) -> None:
        if self._gd_autostart:
            self.start()
            self._gd_autostart = self._GD_DIALECT == 3  # 4.x clears it once used

    def _gd_tick(self, delta: float) -> None:
        if self._gd_time_left < 0:
            return
        self._gd_time_left -= delta
        if self._gd_time_left < 0:
            if self._gd_one_shot:
                self.stop()
            else:
                self._gd_time_left += self._gd_wait_time
            self.emit_signal("timeout")

    def _gd_internal_process(self, delta: float) -> None:
        self._gd_tick(delta)

    def _gd_internal_physics_process(self, delta: float) -> None:
        self._gd_tick(delta)


class Timer3(Node3Mixin, Timer):
    """Godot 3's Timer: ``process_mode`` is the timer's callback; its own start error."""

    GODOT_NAME = "Timer"
    _GD_DIALECT = 3
    TIMER_PROCESS_PHYSICS = 0
    TIMER_PROCESS_IDLE = 1
    _GD_NOT_IN_TREE = ("Timer was not added to the SceneTree. "
                       "Either add it or set autostart to true.")

    process_mode = property(lambda self: self._gd_callback, Timer._gd_set_callback)

    def set_timer_process_mode(self, mode: int) -> None:
        self._gd_set_callback(mode)

    def get_timer_process_mode(self) -> int:
        return self._gd_callback


# * 2D --------------------------------------------------------------------------

@_with_props
class CanvasItem(Node):
    GODOT_NAME = "CanvasItem"
    SIGNALS = ("draw", "visibility_changed", "hidden", "item_rect_changed")
    _PROPS: ClassVar[dict[str, Any]] = {"visible": True, "z_index": 0, "show_behind_parent": False}

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def is_visible_in_tree(self) -> bool:
        node: Any = self
        while isinstance(node, CanvasItem):
            if not node.visible:
                return False
            node = node._gd_parent
        return self.is_inside_tree()

    def queue_redraw(self) -> None:
        """Nothing is drawn."""

    def update(self) -> None:
        """Godot 3's queue_redraw."""


def _xform2d(node: Any) -> tuple[float, float, float, float, float]:
    """Global (x, y, rotation, scale_x, scale_y) of a Node2D through its Node2D ancestors."""
    parent = node._gd_parent
    pos, scale = node.position, node.scale
    if not isinstance(parent, Node2D):
        return pos.x, pos.y, node.rotation, scale.x, scale.y
    px, py, prot, psx, psy = _xform2d(parent)
    lx, ly = pos.x * psx, pos.y * psy
    cos, sin = math.cos(prot), math.sin(prot)
    return (px + lx * cos - ly * sin, py + lx * sin + ly * cos, prot + node.rotation,
            psx * scale.x, psy * scale.y)


@_with_props
class Node2D(CanvasItem):
    GODOT_NAME = "Node2D"
    _PROPS: ClassVar[dict[str, Any]] = {"position": _vec2, "rotation": 0.0,
                                        "scale": lambda: _vec2(1.0, 1.0), "skew": 0.0}

    def _gd_get_global_position(self) -> Any:
        x, y, *_ = _xform2d(self)
        return _vec2(x, y)

    def _gd_set_global_position(self, value: Any) -> None:
        parent = self._gd_parent
        if not isinstance(parent, Node2D):
            self.position = value
            return
        px, py, prot, psx, psy = _xform2d(parent)
        dx, dy = value.x - px, value.y - py
        cos, sin = math.cos(-prot), math.sin(-prot)
        self.position = _vec2((dx * cos - dy * sin) / psx, (dx * sin + dy * cos) / psy)

    global_position = property(_gd_get_global_position, _gd_set_global_position)

    def _gd_get_global_rotation(self) -> float:
        return _xform2d(self)[2]

    def _gd_set_global_rotation(self, value: float) -> None:
        parent = self._gd_parent
        self.rotation = value - (_xform2d(parent)[2] if isinstance(parent, Node2D) else 0.0)

    global_rotation = property(_gd_get_global_rotation, _gd_set_global_rotation)
    rotation_degrees = property(lambda self: math.degrees(self.rotation),
                                lambda self, value: setattr(self, "rotation", math.radians(value)))

    def get_global_position(self) -> Any:
        return self._gd_get_global_position()

    def set_global_position(self, position: Any) -> None:
        self._gd_set_global_position(position)

    def translate(self, offset: Any) -> None:
        self.position = self.position + offset

    def global_translate(self, offset: Any) -> None:
        self._gd_set_global_position(self._gd_get_global_position() + offset)

    def rotate(self, radians: float) -> None:
        self.rotation = self.rotation + radians

    def look_at(self, point: Any) -> None:
        here = self._gd_get_global_position()
        self._gd_set_global_rotation(math.atan2(point.y - here.y, point.x - here.x))


_SPRITE: dict[str, Any] = {"texture": None, "centered": True, "offset": _vec2,
                           "flip_h": False, "flip_v": False, "frame": 0}
Sprite2D = _node_class("Sprite2D", Node2D, ("frame_changed", "texture_changed"), _SPRITE)
Camera2D = _node_class("Camera2D", Node2D, (), {
    "zoom": lambda: _vec2(1.0, 1.0), "offset": _vec2, "enabled": True})
Marker2D = _node_class("Marker2D", Node2D)
CollisionObject2D = _node_class("CollisionObject2D", Node2D,
                                ("input_event", "mouse_entered", "mouse_exited"))
Area2D = _node_class("Area2D", CollisionObject2D,
                     ("body_entered", "body_exited", "area_entered", "area_exited"))
PhysicsBody2D = _node_class("PhysicsBody2D", CollisionObject2D)
StaticBody2D = _node_class("StaticBody2D", PhysicsBody2D)
RigidBody2D = _node_class("RigidBody2D", PhysicsBody2D, (
    "body_entered", "body_exited", "sleeping_state_changed"), {
    "mass": 1.0, "linear_velocity": _vec2, "angular_velocity": 0.0, "gravity_scale": 1.0})


@_with_props
class CharacterBody2D(PhysicsBody2D):
    """No physics: ``move_and_slide`` moves by ``velocity * delta`` and never collides."""

    GODOT_NAME = "CharacterBody2D"
    _PROPS: ClassVar[dict[str, Any]] = {"velocity": _vec2, "up_direction": lambda: _vec2(0, -1)}

    def move_and_slide(self) -> bool:
        self.position = self.position + self.velocity * self.get_physics_process_delta_time()
        return False

    def is_on_floor(self) -> bool:
        return False

    def is_on_wall(self) -> bool:
        return False

    def is_on_ceiling(self) -> bool:
        return False


CollisionShape2D = _node_class("CollisionShape2D", Node2D)
CanvasLayer = _node_class("CanvasLayer", Node, ("visibility_changed",))

# * GUI -------------------------------------------------------------------------

Control = _node_class("Control", CanvasItem, (
    "resized", "gui_input", "mouse_entered", "mouse_exited", "focus_entered", "focus_exited",
    "size_flags_changed", "minimum_size_changed", "theme_changed"), {
    "position": _vec2, "size": _vec2, "rotation": 0.0, "scale": lambda: _vec2(1.0, 1.0),
    "tooltip_text": "", "custom_minimum_size": _vec2})
Label = _node_class("Label", Control, (), {
    "text": "", "autowrap_mode": 0, "horizontal_alignment": 0})
BaseButton = _node_class("BaseButton", Control, (
    "pressed", "button_up", "button_down", "toggled"), {
    "disabled": False, "toggle_mode": False, "button_pressed": False})
Button = _node_class("Button", BaseButton, (), {"text": "", "flat": False})
Container = _node_class("Container", Control, ("pre_sort_children", "sort_children"))
BoxContainer = _node_class("BoxContainer", Container)
VBoxContainer = _node_class("VBoxContainer", BoxContainer)
HBoxContainer = _node_class("HBoxContainer", BoxContainer)
Panel = _node_class("Panel", Control)


# * 3D -----------------------------------------------------------------------------

@_with_props
class Node3D(Node):
    """Transforms are not composed in 3D: ``global_position`` sums the positions."""

    GODOT_NAME = "Node3D"
    SIGNALS = ("visibility_changed",)
    _PROPS: ClassVar[dict[str, Any]] = {"position": _vec3, "rotation": _vec3,
                                        "scale": lambda: _vec3(1.0, 1.0, 1.0), "visible": True}

    def _gd_get_global_position(self) -> Any:
        parent = self._gd_parent
        if isinstance(parent, Node3D):
            return parent._gd_get_global_position() + self.position
        return self.position

    def _gd_set_global_position(self, value: Any) -> None:
        parent = self._gd_parent
        base = parent._gd_get_global_position() if isinstance(parent, Node3D) else _vec3()
        self.position = value - base

    global_position = property(_gd_get_global_position, _gd_set_global_position)

    def translate(self, offset: Any) -> None:
        self.position = self.position + offset


Camera3D = _node_class("Camera3D", Node3D)
MeshInstance3D = _node_class("MeshInstance3D", Node3D)


@_with_props
class CharacterBody3D(Node3D):
    GODOT_NAME = "CharacterBody3D"
    _PROPS: ClassVar[dict[str, Any]] = {"velocity": _vec3}

    def move_and_slide(self) -> bool:
        self.position = self.position + self.velocity * self.get_physics_process_delta_time()
        return False

    def is_on_floor(self) -> bool:
        return False


# * Resource ----------------------------------------------------------------------

@_with_props
class Resource(RefCounted):
    """A data object; ``duplicate(deep)`` copies its script members too."""

    GODOT_NAME = "Resource"
    SIGNALS = ("changed", "setup_local_to_scene_requested")
    _PROPS: ClassVar[dict[str, Any]] = {"resource_path": "", "resource_name": "",
                                        "resource_local_to_scene": False}

    def emit_changed(self) -> None:
        self.emit_signal("changed")

    def get_rid(self) -> int:
        return 0

    def duplicate(self, deep: bool = False) -> Resource:
        import copy
        clone = copy.copy(self)
        clone.__dict__.update(_fresh_object_state(self))
        for key, value in list(clone.__dict__.items()):
            if key.startswith("_gd_") and key != "_gd_props":
                continue
            clone.__dict__[key] = _copy_member(value, deep)
        clone.__dict__.setdefault("_gd_props", {})["resource_path"] = ""
        return clone

    def take_over_path(self, path: str) -> None:
        self.resource_path = path


def _fresh_object_state(obj: Any) -> dict[str, Any]:
    """What a copied Object must not share with its original: id, connections, meta."""
    from .objects import Object

    probe = Object()
    return {"_gd_id": probe._gd_id, "_gd_connections": {}, "_gd_meta": dict(obj._gd_meta),
            "_gd_user_signals": list(obj._gd_user_signals), "_gd_freed": False}


def _copy_member(value: Any, deep: bool) -> Any:
    import copy
    if isinstance(value, dict) and not deep:
        return copy.copy(value)
    if deep and isinstance(value, Resource):
        return value.duplicate(True)
    if deep and isinstance(value, (list, dict)):
        return copy.deepcopy(value)
    return value


class Resource3(Resource, Reference):
    GODOT_NAME = "Resource"


# * Registry ----------------------------------------------------------------------

_FOUR = (Timer, CanvasItem, Node2D, Sprite2D, Camera2D, Marker2D, CollisionObject2D, Area2D,
         PhysicsBody2D, StaticBody2D, RigidBody2D, CharacterBody2D, CollisionShape2D,
         CanvasLayer, Control, Label, BaseButton, Button, Container, BoxContainer,
         VBoxContainer, HBoxContainer, Panel, Node3D, Camera3D, MeshInstance3D,
         CharacterBody3D, Resource)

# Godot 3 name -> the 4.x class it corresponds to.
_THREE_RENAMED = {"Sprite": Sprite2D, "Position2D": Marker2D, "KinematicBody2D": CharacterBody2D,
                  "Spatial": Node3D, "Camera": Camera3D, "MeshInstance": MeshInstance3D,
                  "KinematicBody": CharacterBody3D}
_THREE_SAME = (CanvasItem, Node2D, Camera2D, CollisionObject2D, Area2D, PhysicsBody2D,
               StaticBody2D, RigidBody2D, CollisionShape2D, CanvasLayer, Control, Label,
               BaseButton, Button, Container, BoxContainer, VBoxContainer, HBoxContainer, Panel)

GODOT_CLASSES: dict[str, Any] = {}
GODOT_CLASSES_4 = {"MainLoop": MainLoop, "SceneTree": SceneTree, "SceneTreeTimer": SceneTreeTimer,
                   **{cls.GODOT_NAME: cls for cls in _FOUR}}
GODOT_CLASSES_3: dict[str, Any] = {
    "MainLoop": MainLoop3, "SceneTree": SceneTree3, "SceneTreeTimer": SceneTreeTimer3,
    "Timer": Timer3, "Resource": Resource3,
    **{cls.GODOT_NAME: dialect3(cls) for cls in _THREE_SAME},
    **{name: dialect3(cls, name) for name, cls in _THREE_RENAMED.items()},
}
