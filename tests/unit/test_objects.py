"""Callable and Signal methods of stdlib/objects.py that scripts reach directly.

Godot facts: core/variant/callable.cpp, callable_bind.cpp and core/templates/hashfuncs.h.
"""

from __future__ import annotations

import pytest

from gdscript.stdlib.objects import (
    Callable, RefCounted, Signal, _fmix32, _murmur_fmix, _murmur_round,
)
from gdscript.stdlib.strings import string_hash



class Target(RefCounted):
    def work(self, a, b):
        return a - b


class TestCallable:
    def test_unbound_arguments_count(self):
        c = Callable(Target(), "work")
        assert c.get_unbound_arguments_count() == 0
        assert c.unbind(2).get_unbound_arguments_count() == 2
        # Binding after unbind fills the unbound slots first (CallableCustomBind).
        assert c.unbind(2).bind(1).get_unbound_arguments_count() == 1
        assert c.unbind(1).bind(1, 2).get_unbound_arguments_count() == 0

    def test_hash_is_godots_murmur_of_object_id_and_method(self):
        target = Target()
        c = Callable(target, "work")
        expected = _murmur_fmix(target.get_instance_id(), string_hash("work"))
        assert c.hash() == expected
        assert c.hash() == Callable(target, "work").hash()
        assert c.hash() != Callable(target, "other").hash()
        assert 0 <= c.hash() < 2**32

    def test_murmur_round_matches_published_murmurhash3_vectors(self):
        # MurmurHash3_x86_32 of a 4-byte key = fmix32(round(key) ^ length).
        def murmur3_4_bytes(key: bytes, seed: int) -> int:
            return _fmix32(_murmur_round(int.from_bytes(key, "little"), seed) ^ 4)
        assert murmur3_4_bytes(b"test", 0) == 0xBA6BD213
        assert murmur3_4_bytes(b"aaaa", 0x9747B28C) == 0x5A97808A
        assert _fmix32(0) == 0


class TestSignal:
    def test_has_connections(self):
        target = Target()
        target.add_user_signal("changed")
        signal = Signal(target, "changed")
        assert signal.has_connections() is False
        callable_ = Callable(target, "work")
        signal.connect(callable_)
        assert signal.has_connections() is True
        signal.disconnect(callable_)
        assert signal.has_connections() is False

    def test_null_signal(self, engine_errors):
        assert Signal().has_connections() is False
        assert engine_errors == ['Parameter "obj" is null.']


class TestScriptCallables:
    """A Callable of a script method keeps the method found on its first call."""

    def test_repeated_calls_keep_errors_and_freed_targets(self):
        from gdscript import api

        source = """extends SceneTree

class Thing extends Object:
    var calls = 0
    func hit(n):
        calls += n
        return calls

signal pinged(n)

func _init():
    var t = Thing.new()
    var c = Callable(t, "hit")
    print(c.call(1), " ", c.call(2), " ", c.call(3))
    call_badly(c)
    print(c.call(4))
    pinged.connect(t.hit)
    pinged.connect(Callable(t, "hit").unbind(1).bind(10), CONNECT_ONE_SHOT)
    pinged.emit(100)
    pinged.emit(1000)
    print(t.calls, " ", pinged.get_connections().size())
    t.free()
    call_badly(c)
    print("end")
    quit()

func call_badly(c):  # a script error ends this function only
    c.call(1, 2)
"""
        result = api.run_source(source, dialect=4)
        assert result.stdout == "1 3 6\n10\n1120 1\nend\n"
        assert "Invalid call to function 'hit' in base 'Object (Thing)'. Expected 1 " \
               "argument(s)." in result.stderr
        assert "Attempt to call function 'null::hit (Callable)' on a null instance." \
            in result.stderr

    def test_signals_to_refcounted_receivers(self):
        from gdscript import api

        source = """extends SceneTree

class Receiver:
    var got = []
    func two(a, b):
        got.append([a, b])
    func one(a):
        got.append(a)
    func broken(a):
        got.append(a)
        var x = null
        x.call_missing()

signal fired(value)

func _init():
    var r = Receiver.new()
    fired.connect(r.two)
    fired.connect(r.one)
    fired.connect(r.broken)
    fired.emit(1)
    fired.disconnect(r.one)
    fired.emit(2)
    print(r.got)
    quit()
"""
        result = api.run_source(source, dialect=4)
        assert result.stdout == "[1, 1, 2]\n"
        assert result.stderr.count("Error calling from signal 'fired' to callable: "
                                   "'RefCounted(Receiver)::two': Method expected 2 "
                                   "argument(s), but called with 1.") == 2
        assert result.stderr.count("Cannot call method 'call_missing' on a null value.") == 2
