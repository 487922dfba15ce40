"""Node, SceneTree, MainLoop, timers and the frame loop (stdlib/nodes_extra.py, scene_tree.py).

Nodes here are Python subclasses, as compiled scripts will be.  Loops run on a
FakeClock (frames back to back, time advancing by the frame period) unless a
test is about wall time.  Godot 3 facts were checked against godot3-server.
"""

from __future__ import annotations

import re
import time

import pytest

from gdscript.errors import ScriptRuntimeError
from gdscript.stdlib import objects
from gdscript.stdlib.nodes_extra import Node, Node3, set_script_error_handler
from gdscript.stdlib.objects import CONNECT_ONE_SHOT, Callable
from gdscript.stdlib.scene_tree import GODOT_CLASSES_3 as TREE_3
from gdscript.stdlib.scene_tree import (
    FakeClock, MainLoop, Node2D, RealClock, Resource, SceneTree, SceneTree3, Timer, Timer3,
    run_main_loop,
)



@pytest.fixture(autouse=True)
def empty_message_queue():
    del objects.MESSAGE_QUEUE[:]
    yield
    del objects.MESSAGE_QUEUE[:]


def fn(func) -> Callable:
    return Callable(function=func)


class Recorder(Node):
    """Logs its callbacks into a shared list as ``"<event> <tag>"``."""

    def __init__(self, log: list[str], tag: str) -> None:
        super().__init__()
        self.log, self.tag = log, tag
        self.name = tag

    def _enter_tree(self):
        self.log.append(f"enter {self.tag}")

    def _ready(self):
        self.log.append(f"ready {self.tag}")

    def _exit_tree(self):
        self.log.append(f"exit {self.tag}")


def recorder_tree(log: list[str]) -> tuple[Recorder, Recorder, Recorder]:
    a, b, c = Recorder(log, "a"), Recorder(log, "b"), Recorder(log, "c")
    a.add_child(b)
    a.add_child(c)
    return a, b, c


def started_tree(cls: type = SceneTree) -> SceneTree:
    tree = cls()
    tree._gd_start()
    return tree


class TestNames:
    def test_unnamed_children_get_at_names_4(self):
        tree = started_tree()
        first, second = Node(), Node()
        tree.root.add_child(first)
        tree.root.add_child(second)
        assert re.fullmatch(r"@Node@\d+", str(first.name))
        assert re.fullmatch(r"@Node@\d+", str(second.name))
        assert first.name != second.name

    def test_godot3_names_use_the_node_name_not_its_class(self):
        tree = SceneTree3()
        unnamed, clash_a, clash_b = Node3(), Node3(), Node3()
        clash_a.name = clash_b.name = "Node"
        for node in (unnamed, clash_a, clash_b):
            tree.root.add_child(node)
        assert re.fullmatch(r"@@\d+", unnamed.name)
        assert clash_a.name == "Node"
        assert re.fullmatch(r"@Node@\d+", clash_b.name)

    def test_readable_names_count_up(self):
        parent = Node()
        children = [Node() for _ in range(3)]
        for child in children:
            parent.add_child(child, True)
        assert [str(c.name) for c in children] == ["Node", "Node2", "Node3"]
        enemy9, other = Node(), Node()
        enemy9.name = other.name = "Enemy9"
        parent.add_child(enemy9, True)
        parent.add_child(other, True)
        assert other.name == "Enemy10"

    def test_renaming_to_a_sibling_name_is_made_unique(self):
        parent, a, b = Node(), Node(), Node()
        a.name, b.name = "A", "B"
        parent.add_child(a)
        parent.add_child(b)
        b.name = "A"
        assert a.name == "A" and re.fullmatch(r"@Node@\d+", str(b.name))

    def test_invalid_characters(self):
        four, three = Node(), Node3()
        four.name = 'a.b:c@d/e"f%g'
        three.name = 'a.b:c@d/e"f%g'
        assert four.name == "a_b_c_d_e_f_g"
        assert three.name == "abcdef%g"  # godot3-server prints this

    def test_name_type_per_dialect(self):
        from gdscript.stdlib.strings import StringName

        four, three = Node(), Node3()
        four.name = three.name = "X"
        assert type(four.name) is StringName
        assert type(three.name) is str


class TestTreeCallbacks:
    def test_enter_parent_first_ready_children_first(self):
        log: list[str] = []
        a, _, _ = recorder_tree(log)
        started_tree().root.add_child(a)
        assert log == ["enter a", "enter b", "enter c", "ready b", "ready c", "ready a"]

    def test_exit_children_first_then_tree_exited(self):
        log: list[str] = []
        a, b, _ = recorder_tree(log)
        tree = started_tree()
        tree.root.add_child(a)
        b.connect("tree_exited", fn(lambda: log.append("exited b")))
        a.connect("tree_exited", fn(lambda: log.append("exited a")))
        a.connect("tree_exiting", fn(lambda: log.append("exiting a")))
        del log[:]
        tree.root.remove_child(a)
        assert log == ["exit c", "exit b", "exit a", "exiting a", "exited b", "exited a"]
        assert not a.is_inside_tree() and not b.is_inside_tree()

    def test_ready_only_once_unless_requested(self):
        log: list[str] = []
        node = Recorder(log, "n")
        tree = started_tree()
        tree.root.add_child(node)
        tree.root.remove_child(node)
        tree.root.add_child(node)
        assert log == ["enter n", "ready n", "exit n", "enter n"]
        tree.root.remove_child(node)
        node.request_ready()
        tree.root.add_child(node)
        assert log[-2:] == ["enter n", "ready n"]

    def test_nothing_happens_outside_the_tree(self):
        log: list[str] = []
        a, _, _ = recorder_tree(log)
        assert log == [] and not a.is_node_ready()

    def test_godot4_root_enters_when_the_loop_starts(self):
        log: list[str] = []

        class Main(SceneTree):
            def _initialize(self):
                log.append("initialize")

        tree = Main()
        tree.root.add_child(Recorder(log, "n"))
        assert log == []
        run_main_loop(tree, FakeClock())
        assert log == ["initialize", "enter n", "ready n", "exit n"]

    def test_godot3_root_is_in_the_tree_from_init(self):
        log: list[str] = []

        class Main(SceneTree3):
            def _initialize(self):
                log.append("initialize")

            def _finalize(self):
                log.append("finalize")

        tree = Main()
        tree.root.add_child(Recorder(log, "n"))
        assert log == ["enter n", "ready n"]
        run_main_loop(tree, FakeClock())
        # godot3-server: _finalize runs before the nodes leave the tree.
        assert log == ["enter n", "ready n", "initialize", "finalize", "exit n"]

    def test_godot4_finalize_after_the_tree_is_gone(self):
        log: list[str] = []

        class Main(SceneTree):
            def _finalize(self):
                log.append("finalize")

        tree = Main()
        tree.root.add_child(Recorder(log, "n"))
        run_main_loop(tree, FakeClock())
        assert log == ["enter n", "ready n", "exit n", "finalize"]

    def test_child_and_tree_signals(self):
        tree = started_tree()
        seen: list[tuple[str, Node]] = []
        parent, child = Node(), Node()
        tree.root.add_child(parent)
        parent.connect("child_entered_tree", fn(lambda n: seen.append(("entered", n))))
        parent.connect("child_exiting_tree", fn(lambda n: seen.append(("exiting", n))))
        tree.connect("node_added", fn(lambda n: seen.append(("added", n))))
        tree.connect("node_removed", fn(lambda n: seen.append(("removed", n))))
        parent.add_child(child)
        parent.remove_child(child)
        assert seen == [("added", child), ("entered", child), ("removed", child),
                        ("exiting", child)]

    def test_notifications_reach_a_script_notification(self):
        got: list[int] = []

        class N(Node):
            def _notification(self, what):
                got.append(what)

        tree = started_tree()
        node = N()
        tree.root.add_child(node)
        tree.root.remove_child(node)
        node.free()
        # Godot's Node::add_child / remove_child (scene/main/node.cpp) send PARENTED
        # before the node enters the tree and UNPARENTED after it left.
        assert got == [Node.NOTIFICATION_PARENTED, Node.NOTIFICATION_ENTER_TREE,
                       Node.NOTIFICATION_POST_ENTER_TREE, Node.NOTIFICATION_READY,
                       Node.NOTIFICATION_EXIT_TREE, Node.NOTIFICATION_UNPARENTED,
                       Node.NOTIFICATION_PREDELETE]
        assert (Node.NOTIFICATION_READY, Node.NOTIFICATION_PROCESS) == (13, 17)

    def test_add_child_errors(self, engine_errors):
        parent, child = Node(), Node()
        parent.name, child.name = "P", "C"
        parent.add_child(child)
        parent.add_child(child)
        child.add_child(parent)
        parent.add_child(parent)
        assert engine_errors == [
            "Can't add child 'C' to 'P', already has a parent 'P'.",
            "Can't add child 'P' to 'C' as it would result in a cyclic dependency since 'P' "
            "is already a parent of 'C'.",
            "Can't add child 'P' to itself.",
        ]


class TestChildrenAndPaths:
    def make(self, tree_cls=SceneTree, node_cls=Node):
        tree = started_tree(tree_cls)
        nodes = {}
        for name in ("P", "C", "D", "E"):
            nodes[name] = node_cls()
            nodes[name].name = name
        tree.root.add_child(nodes["P"])
        nodes["P"].add_child(nodes["C"])
        nodes["P"].add_child(nodes["D"])
        nodes["D"].add_child(nodes["E"])
        return tree, nodes

    def test_paths(self):
        tree, n = self.make()
        assert str(n["E"].get_path()) == "/root/P/D/E"
        assert n["D"].get_node("../C") is n["C"]
        assert n["E"].get_node("/root/P") is n["P"]
        assert n["P"].get_node("C/../D/E") is n["E"]
        assert n["P"].get_node(".") is n["P"]
        assert n["P"].has_node("D/E") and not n["P"].has_node("D/X")
        assert str(n["C"].get_path_to(n["E"])) == "../D/E"
        assert tree.root.get_node("P/D") is n["D"]

    def test_get_node_errors(self, engine_errors):
        _, n = self.make()
        assert n["P"].get_node("nope/x") is None
        assert n["P"].get_node_or_null("nope") is None
        assert engine_errors == ['Node not found: "nope/x" (relative to "/root/P").']

    def test_get_node_errors_3(self, engine_errors):
        _, n = self.make(SceneTree3, Node3)
        n["P"].get_node("nope/x")
        assert engine_errors == ["Node not found: nope/x."]  # godot3-server's wording

    def test_unique_names(self):
        _, n = self.make()
        n["E"].owner = n["P"]
        n["E"].unique_name_in_owner = True
        assert n["P"].get_node("%E") is n["E"]
        assert n["C"].get_node_or_null("%E") is None

    def test_child_indices(self, engine_errors):
        _, n = self.make()
        p = n["P"]
        assert p.get_child(-1) is n["D"] and p.get_child(0) is n["C"]
        assert p.get_child_count() == 2 and list(p.get_children()) == [n["C"], n["D"]]
        p.move_child(n["D"], 0)
        assert [c.name for c in p.get_children()] == ["D", "C"]
        assert n["C"].get_index() == 1
        assert p.get_child(5) is None
        assert engine_errors == ["Index p_index = 5 is out of bounds (children_cache.size() = 2)."]

    def test_godot3_has_no_negative_child_index(self, engine_errors):
        _, n = self.make(SceneTree3, Node3)
        assert n["P"].get_child(-1) is None
        assert engine_errors == [
            "Index p_index = -1 is out of bounds (data.children.size() = 2)."]

    def test_internal_children_are_hidden(self):
        parent, inner, outer = Node(), Node(), Node()
        parent.add_child(outer)
        parent.add_child(inner, False, Node.INTERNAL_MODE_FRONT)
        assert list(parent.get_children()) == [outer]
        assert list(parent.get_children(True)) == [inner, outer]

    def test_find_child_only_owned_by_default(self):
        _, n = self.make()
        assert n["P"].find_child("E") is None
        assert n["P"].find_child("E", True, False) is n["E"]
        assert n["P"].find_child("?", False, False) is n["C"]
        n["E"].owner = n["P"]
        assert n["P"].find_child("*E") is n["E"]

    def test_print_tree_pretty(self, capsys):
        _, n = self.make()
        n["P"].print_tree_pretty()
        n["P"].print_tree()
        out = capsys.readouterr().out
        # godot3-server prints the same shape for this tree.
        assert out == (" ┖╴P\n    ┠╴C\n    ┖╴D\n       ┖╴E\n"
                       ".\nC\nD\nD/E\n")

    def test_paths_outside_the_tree(self, engine_errors):
        loose = Node()
        assert str(loose.get_path()) == ""
        assert loose.get_tree() is None
        assert engine_errors == ["Cannot get path of node as it is not in a scene tree.",
                                 'Parameter "data.tree" is null.']


class TestGroups:
    def test_group_queries_follow_tree_order(self):
        tree = started_tree()
        a, b, c = Node(), Node(), Node()
        tree.root.add_child(a)
        tree.root.add_child(b)
        a.add_child(c)
        for node in (b, c, a):
            node.add_to_group("g")
        assert list(tree.get_nodes_in_group("g")) == [a, c, b]
        assert tree.get_first_node_in_group("g") is a
        assert tree.has_group("g") and a.is_in_group("g")
        tree.root.remove_child(a)
        assert list(tree.get_nodes_in_group("g")) == [b]
        assert a.is_in_group("g")  # membership stays with the node

    def test_call_group(self):
        tree = started_tree()
        a, b = Node(), Node()
        for node in (a, b):
            tree.root.add_child(node)
            node.add_to_group("g")
        tree.call_group("g", "set_meta", "hit", 7)
        assert a.get_meta("hit") == 7 and b.get_meta("hit") == 7
        tree.call_group("g", "no_such_method")  # skipped silently, like Godot


class TestLifetime:
    def test_free_frees_the_subtree(self):
        log: list[str] = []
        a, b, c = recorder_tree(log)
        started_tree().root.add_child(a)
        a.free()
        assert a._gd_freed and b._gd_freed and c._gd_freed
        assert log[-3:] == ["exit c", "exit b", "exit a"]

    def test_queue_free_at_end_of_frame(self):
        log: list[str] = []

        class Doomed(Node):
            frames = 0

            def _process(self, delta):
                self.frames += 1
                log.append(f"process {self.frames}")
                if self.frames == 2:
                    self.queue_free()
                    log.append(f"queued {self.is_queued_for_deletion()} {self.is_inside_tree()}")

            def _exit_tree(self):
                log.append("exit")

        tree = SceneTree()
        node = Doomed()
        tree.root.add_child(node)
        assert run_main_loop(tree, FakeClock()) == 0
        assert log == ["process 1", "process 2", "queued True True", "exit"]
        assert node._gd_freed and tree.get_frame() == 2

    def test_duplicate_is_shallow_copy_with_children(self):
        parent, child = Node(), Node()
        parent.name, child.name = "P", "C"
        parent.add_child(child)
        parent.add_to_group("g")
        copy = parent.duplicate()
        assert copy is not parent and copy.name == "P" and copy.is_in_group("g")
        assert [c.name for c in copy.get_children()] == ["C"]
        assert copy.get_child(0) is not child


class TestFrameLoop:
    def test_order_within_a_frame(self):
        log: list[str] = []

        class N(Node):
            def _process(self, delta):
                log.append(f"node process {delta}")

            def _physics_process(self, delta):
                log.append(f"node physics {delta}")

        class Main(SceneTree):
            def _process(self, delta):
                log.append("loop process")
                return len(log) > 8

            def _physics_process(self, delta):
                log.append("loop physics")

        tree = Main()
        tree.root.add_child(N())
        tree.connect("physics_frame", fn(lambda: log.append("physics_frame")))
        tree.connect("process_frame", fn(lambda: log.append("process_frame")))
        assert run_main_loop(tree, FakeClock(), ticks_per_second=4) == 0
        frame = ["loop physics", "physics_frame", "node physics 0.25",
                 "loop process", "process_frame", "node process 0.25"]
        assert log == frame * 2

    def test_godot3_virtuals_and_idle_frame(self):
        log: list[str] = []

        class Main(SceneTree3):
            def _idle(self, delta):
                log.append("idle")
                if len(log) > 4:
                    self.quit(3)

            def _iteration(self, delta):
                log.append("iteration")

            def _process(self, delta):
                log.append("never: not a 3.x MainLoop virtual")

        tree = Main()
        tree.connect("idle_frame", fn(lambda: log.append("idle_frame")))
        assert run_main_loop(tree, FakeClock()) == 3
        assert log == ["iteration", "idle", "idle_frame", "iteration", "idle", "idle_frame"]

    def test_quit_finishes_the_frame(self):
        log: list[str] = []

        class Quitter(Node):
            def _process(self, delta):
                log.append("quitter")
                self.get_tree().quit(7)

        class Other(Node):
            def _process(self, delta):
                log.append("other")

        tree = SceneTree()
        tree.root.add_child(Quitter())
        tree.root.add_child(Other())
        assert run_main_loop(tree, FakeClock()) == 7
        assert log == ["quitter", "other"]

    def test_quit_in_init_still_runs_one_frame(self):
        log: list[str] = []

        class N(Node):
            def _process(self, delta):
                log.append("process")

            def _physics_process(self, delta):
                log.append("physics")

        class Main(SceneTree3):
            def _idle(self, delta):
                log.append("_idle")

            def _iteration(self, delta):
                log.append("_iteration")

            def _finalize(self):
                log.append("fin")

        tree = Main()
        tree.root.add_child(N())
        Callable(function=lambda: log.append("deferred")).call_deferred()
        tree.connect("idle_frame", fn(lambda: log.append("idle_frame")))
        tree.quit()
        assert run_main_loop(tree, FakeClock()) == 0
        # The order godot3-server prints for the same script.
        assert log == ["_iteration", "physics", "deferred", "_idle", "idle_frame", "process",
                       "fin"]

    def test_ends_when_nothing_is_left(self):
        class Counter(Node):
            frames = 0

            def _process(self, delta):
                self.frames += 1
                if self.frames == 3:
                    self.set_process(False)

        tree = SceneTree()
        node = Counter()
        tree.root.add_child(node)
        assert run_main_loop(tree, FakeClock()) == 0
        assert node.frames == 3 and tree.get_frame() == 3

    def test_error_flag_gives_exit_code_1(self):
        tree = SceneTree()
        tree._gd_error_exit = True
        assert run_main_loop(tree, FakeClock()) == 1

    def test_nothing_to_do_runs_no_frame(self):
        log: list[str] = []

        class Main(SceneTree):
            def _initialize(self):
                log.append("init")

            def _finalize(self):
                log.append("fin")

        tree = Main()
        assert run_main_loop(tree, FakeClock()) == 0
        assert log == ["init", "fin"] and tree.get_frame() == 0

    def test_set_process_false_in_ready(self):
        class Lazy(Node):
            calls = 0

            def _ready(self):
                self.set_process(False)

            def _process(self, delta):
                self.calls += 1

        tree = SceneTree()
        node = Lazy()
        tree.root.add_child(node)
        assert run_main_loop(tree, FakeClock()) == 0
        assert node.calls == 0 and not node.is_processing()

    def test_plain_nodes_do_not_keep_the_loop_alive(self):
        tree = SceneTree()
        tree.root.add_child(Node2D())
        clock = FakeClock()
        assert run_main_loop(tree, clock) == 0 and tree.get_frame() == 0 and clock.time == 0

    def test_deferred_calls_run_at_the_end_of_the_frame(self):
        tree = SceneTree()
        node = Node()
        tree.root.add_child(node)
        log: list[str] = []
        node.call_deferred("set_meta", "k", 1)
        fn(lambda: log.append(f"deferred {node.get_meta('k')}")).call_deferred()
        assert run_main_loop(tree, FakeClock()) == 0
        assert log == ["deferred 1"]

    def test_one_shot_connection_is_an_await(self):
        """``await get_tree().process_frame`` = a one-shot connection: resumes next frame."""
        tree = SceneTree()
        frames: list[int] = []

        def resume():
            frames.append(tree.get_frame())
            if len(frames) < 3:
                tree.connect("process_frame", fn(resume), CONNECT_ONE_SHOT)

        tree.connect("process_frame", fn(resume), CONNECT_ONE_SHOT)
        assert run_main_loop(tree, FakeClock()) == 0
        assert frames == [1, 2, 3]

    def test_paused_tree(self):
        class Ticker(Node):
            ticks = 0

            def _process(self, delta):
                self.ticks += 1

        class Main(SceneTree):
            def _process(self, delta):
                return self.get_frame() >= 3

        tree = Main()
        tree.paused = True
        pausable, always = Ticker(), Ticker()
        always.process_mode = Node.PROCESS_MODE_ALWAYS
        tree.root.add_child(pausable)
        tree.root.add_child(always)
        run_main_loop(tree, FakeClock())
        assert (pausable.ticks, always.ticks) == (0, 3)

    def test_holds_keep_the_loop_running(self):
        tree = SceneTree()
        tree._gd_hold("request")
        assert tree._gd_has_work()
        assert run_main_loop(tree, FakeClock(), max_seconds=0.05) == 1
        assert tree.get_frame() > 0
        tree._gd_release("request")
        assert not tree._gd_has_work()

    def test_max_seconds(self):
        class Forever(Node):
            def _process(self, delta):
                pass

        tree = SceneTree()
        tree.root.add_child(Forever())
        start = time.monotonic()
        assert run_main_loop(tree, FakeClock(), max_seconds=0.05) == 1
        assert tree._gd_timed_out and time.monotonic() - start < 2

    def test_real_clock_paces_timers_but_not_deferred_work(self):
        tree = SceneTree()
        tree.create_timer(0.05)
        start = time.monotonic()
        assert run_main_loop(tree, RealClock()) == 0
        assert time.monotonic() - start >= 0.05
        tree = SceneTree()
        Callable(function=lambda: None).call_deferred()
        start = time.monotonic()
        run_main_loop(tree, RealClock())
        assert time.monotonic() - start < 0.015

    def test_script_errors_go_to_the_handler(self):
        class Broken(Node):
            def _process(self, delta):
                raise ScriptRuntimeError("boom")

        caught: list[str] = []

        def handler(exc):
            caught.append(str(exc))
            tree._gd_error_exit = True
            tree.quit_after = True
            broken.set_process(False)

        tree = SceneTree()
        broken = Broken()
        tree.root.add_child(broken)
        old = set_script_error_handler(handler)
        try:
            assert run_main_loop(tree, FakeClock()) == 1
        finally:
            set_script_error_handler(old)
        assert caught == ["boom"]


class TestTimers:
    def frames_until(self, tree: SceneTree, signal_owner, seconds_per_frame: float) -> list[int]:
        fired: list[int] = []
        signal_owner.connect("timeout", fn(lambda: fired.append(tree.get_frame())))
        run_main_loop(tree, FakeClock(), ticks_per_second=round(1 / seconds_per_frame))
        return fired

    def test_scene_tree_timer_fires_when_time_is_up_4(self):
        tree = SceneTree()
        timer = tree.create_timer(1.0)
        assert self.frames_until(tree, timer, 0.25) == [4]  # 4.x: time_left <= 0
        assert timer.time_left == 0.0

    def test_scene_tree_timer_3_needs_time_below_zero(self):
        tree = SceneTree3()
        timer = tree.create_timer(1.0)
        assert self.frames_until(tree, timer, 0.25) == [5]

    def test_physics_timer(self):
        tree = SceneTree()
        timer = tree.create_timer(0.5, True, True)
        log: list[str] = []
        tree.connect("physics_frame", fn(lambda: log.append("physics")))
        tree.connect("process_frame", fn(lambda: log.append("process")))
        timer.connect("timeout", fn(lambda: (log.append("timeout"), tree.quit())))
        run_main_loop(tree, FakeClock(), ticks_per_second=4)
        assert log == ["physics", "process", "physics", "timeout", "process"]

    def test_repeating_timer_node(self):
        tree = SceneTree()
        timer = Timer()
        timer.wait_time = 1.0
        timer.autostart = True
        tree.root.add_child(timer)
        fired: list[tuple[int, float]] = []

        def on_timeout():
            fired.append((tree.get_frame(), timer.time_left))
            if len(fired) == 2:
                tree.quit()

        timer.connect("timeout", fn(on_timeout))
        run_main_loop(tree, FakeClock(), ticks_per_second=4)
        # Timer fires once time_left < 0 and keeps the overshoot (1 - 0.25 = 0.75 left).
        assert fired == [(5, 0.75), (9, 0.75)]

    def test_one_shot_timer_node_stops(self):
        tree = SceneTree()
        timer = Timer()
        timer.one_shot = True
        tree.root.add_child(timer)
        tree._gd_start()
        timer.start(0.5)
        assert timer.time_left == 0.5 and not timer.is_stopped()
        fired = self.frames_until(tree, timer, 0.25)
        assert fired == [3] and timer.is_stopped() and timer.time_left == 0

    def test_timer_errors(self, engine_errors):
        timer = Timer()
        timer.start()
        timer.wait_time = 0
        assert timer.wait_time == 1.0 and timer.is_stopped()
        Timer3().start()
        assert engine_errors == [
            "Unable to start the timer because it's not inside the scene tree. "
            "Either add it or set autostart to true.",
            "Time should be greater than zero.",
            "Timer was not added to the SceneTree. Either add it or set autostart to true.",
        ]

    def test_paused_timer_node_does_not_count(self):
        tree = SceneTree()
        timer = Timer()
        tree.root.add_child(timer)
        tree._gd_start()
        timer.start(0.5)
        timer.paused = True
        assert run_main_loop(tree, FakeClock()) == 0  # nothing left to run
        assert timer.time_left == 0.5


class TestNodesExtra:
    def test_node2d_global_position(self):
        from gdscript.stdlib.math_vectors import Vector2

        parent, child = Node2D(), Node2D()
        parent.add_child(child)
        parent.position = Vector2(10, 0)
        parent.rotation = 1.5707963267948966
        parent.scale = Vector2(2, 2)
        child.position = Vector2(1, 0)
        got = child.global_position
        assert abs(got.x - 10) < 1e-5 and abs(got.y - 2) < 1e-5
        child.global_position = Vector2(10, 4)
        assert abs(child.position.x - 2) < 1e-5 and abs(child.position.y) < 1e-5

    def test_godot3_names(self):
        body = TREE_3["KinematicBody2D"]()
        assert body.get_class() == "KinematicBody2D" and body.is_class("Node2D")
        assert TREE_3["Spatial"]().get_class() == "Spatial"
        assert TREE_3["Node2D"]()._GD_DIALECT == 3

    def test_resource_duplicate(self):
        res = Resource()
        res.resource_name = "r"
        res.items = [1, [2]]
        shallow, deep = res.duplicate(), res.duplicate(True)
        assert shallow.resource_name == "r" and shallow.items is res.items
        assert deep.items == [1, [2]] and deep.items[1] is not res.items[1]
        assert shallow.get_instance_id() != res.get_instance_id()

    def test_create_tween_is_unsupported(self):
        with pytest.raises(ScriptRuntimeError, match="not supported"):
            SceneTree().create_tween()

    def test_main_loop_alone(self):
        class Loop(MainLoop):
            frames = 0

            def _process(self, delta):
                self.frames += 1
                return self.frames == 3

        loop = Loop()
        assert run_main_loop(loop, FakeClock()) == 0 and loop.frames == 3


class TestRegistry:
    def test_class_tables(self):
        from gdscript.stdlib import nodes_extra, scene_tree

        four = {**nodes_extra.GODOT_CLASSES_4, **scene_tree.GODOT_CLASSES_4}
        three = {**nodes_extra.GODOT_CLASSES_3, **scene_tree.GODOT_CLASSES_3}
        assert four["Node"] is Node and four["SceneTree"] is SceneTree
        assert three["Node"] is Node3 and three["SceneTree"] is SceneTree3
        assert three["Timer"] is Timer3 and four["Timer"] is Timer
        for table in (four, three):
            for name, cls in table.items():
                assert cls().get_class() == name

    def test_script_visible_api(self):
        from gdscript.stdlib.objects import godot_api

        api = godot_api(Node)
        assert {"add_child", "get_node", "queue_free", "set_process_input"} <= set(api.methods)
        assert {"name", "owner", "process_mode"} <= set(api.properties)
        assert not any(m.startswith("_") for m in api.methods)
        assert {"ready", "tree_entered", "tree_exited"} <= set(api.signals)
        assert "idle_frame" in godot_api(SceneTree3).signals
        assert "pause_mode" in godot_api(Node3).properties
        assert "pause_mode" not in godot_api(Node).properties
        assert {"position", "global_position"} <= set(godot_api(Node2D).properties)


class TestTimerIgnoreTimeScale:
    def test_property_and_accessors(self):
        timer = Timer()
        assert timer.ignore_time_scale is False and timer.is_ignoring_time_scale() is False
        timer.set_ignore_time_scale(1)
        assert timer.ignore_time_scale is True
        timer.ignore_time_scale = False
        assert timer.is_ignoring_time_scale() is False
