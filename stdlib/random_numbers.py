"""Godot's random numbers: PCG32, RandomNumberGenerator and the global random functions.

Both dialects use the same generator, PCG32 (XSH-RR output, 64-bit LCG state)
seeded with ``pcg32_srandom_r(seed, PCG_DEFAULT_INC_64)``, so any seed gives
the same raw ``randi()`` stream as Godot.  What differs is how the raw
32-bit numbers become floats and ranges:

==============================  ===========================  ===========================
operation                       Godot 3.2.3 (checked)        Godot 4 (core/math sources)
==============================  ===========================  ===========================
global ``randf()``              float32(r) / float32(2^32-1) same
``RNG.randf()``                 clz-based float32 (2 draws)  same
global ``randf_range`` /        clz-based double (3 draws)   same (4.x name randf_range)
3.x ``rand_range``
``RNG.randf_range``             float32 arithmetic           same
``RNG.randi_range``             ``r % (span + 1) + low``     unbiased bounded draw
``randfn``                      cos(first) * sqrt(log(2nd))  log(first) (CMP_EPSILON guard),
                                                             cos(second)
``seed`` getter                 state before the last draw   the seed last set
``RNG.new()``                   default seed                 randomized
``rand_seed`` / ``rand_from_    [int32 r, state after        [r, the seed unchanged]
seed``                          seeding]
==============================  ===========================  ===========================

Unseeded global functions start from Godot's ``DEFAULT_SEED`` in both
dialects (the 4.x C++ tree has no start-up ``randomize()`` call), so runs are
reproducible until a script calls ``randomize()``.

Module contract: ``GLOBAL_FUNCTIONS_4`` / ``GLOBAL_FUNCTIONS_3`` map the
utility-function names to callables sharing one generator per dialect;
``GODOT_CLASSES_4`` / ``GODOT_CLASSES_3`` hold ``RandomNumberGenerator``.
"""

from __future__ import annotations

import math
import os
import struct
import time

from ..errors import engine_error
from .objects import RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

MASK64 = (1 << 64) - 1
MASK32 = 0xFFFFFFFF
PCG_MULTIPLIER = 6364136223846793005
PCG_DEFAULT_INC_64 = 1442695040888963407
DEFAULT_SEED = 12047754176567800795
CMP_EPSILON = 0.00001
_F32 = struct.Struct("f")


def f32(value: float) -> float:
    """Round to float32 like a C++ ``float`` (overflow gives +-inf)."""
    try:
        return _F32.unpack(_F32.pack(value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def to_int64(value: int) -> int:
    """An unsigned 64-bit value as Godot's signed int."""
    value &= MASK64
    return value - (1 << 64) if value >= 1 << 63 else value


def to_int32(value: int) -> int:
    value &= MASK32
    return value - (1 << 32) if value >= 1 << 31 else value


def _clz32(value: int) -> int:
    return 32 - value.bit_length()


class PCG32:
    """The minimal PCG32 generator (pcg32_random_r / pcg32_srandom_r / boundedrand)."""

    __slots__ = ("state", "inc")

    def __init__(self, seed: int = DEFAULT_SEED, inc: int = PCG_DEFAULT_INC_64) -> None:
        self.state = 0
        self.inc = 0
        self.seed(seed, inc)

    def seed(self, seed: int, inc: int = PCG_DEFAULT_INC_64) -> None:
        self.state = 0
        self.inc = ((inc << 1) | 1) & MASK64
        self.next()
        self.state = (self.state + seed) & MASK64
        self.next()

    def next(self) -> int:
        old = self.state
        self.state = (old * PCG_MULTIPLIER + (self.inc | 1)) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & MASK32
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & MASK32

    def bounded(self, bound: int) -> int:
        """A uniform draw in [0, bound): rejects the biased low values."""
        threshold = ((1 << 32) - bound) % bound
        while True:
            value = self.next()
            if value >= threshold:
                return value % bound


class RandomPCG:
    """Godot's RandomPCG on top of PCG32; ``dialect`` picks the 3.x or 4.x variants."""

    def __init__(self, dialect: int, seed: int = DEFAULT_SEED) -> None:
        self.dialect = dialect
        self.pcg = PCG32(seed & MASK64)
        self.current_seed = seed & MASK64

    def seed(self, seed: int) -> None:
        self.current_seed = seed & MASK64
        self.pcg.seed(self.current_seed)

    def randomize(self) -> None:
        entropy = int.from_bytes(os.urandom(8), "little") ^ time.time_ns()
        self.seed((entropy * self.pcg.state + PCG_DEFAULT_INC_64) & MASK64)

    def rand(self) -> int:
        if self.dialect == 3:
            self.current_seed = self.pcg.state  # 3.x reports the state before each draw
        return self.pcg.next()

    def randf_div(self) -> float:
        """Math::randf: float32 division by float32(UINT32_MAX) (== 2^32)."""
        return f32(f32(float(self.rand())) / 4294967296.0)

    def randf(self) -> float:
        """Float32 in [0, 1]: bits of one draw, exponent from the zeros of another."""
        exponent_source = self.rand()
        if exponent_source == 0:
            return 0.0
        return math.ldexp(f32(float(self.rand() | 0x80000001)), -32 - _clz32(exponent_source))

    def randd(self) -> float:
        exponent_source = self.rand()
        if exponent_source == 0:
            return 0.0
        high = self.rand()
        significand = (high << 32) | self.rand() | 0x8000000000000001
        return math.ldexp(float(significand), -64 - _clz32(exponent_source))

    def random_double(self, low: float, high: float) -> float:
        return self.randd() * (high - low) + low

    def random_float(self, low: float, high: float) -> float:
        low, high = f32(low), f32(high)
        return f32(f32(self.randf() * f32(high - low)) + low)

    def random_int(self, low: int, high: int) -> int:
        """4.x ``random(int, int)``: an unbiased draw in [min, max]."""
        low, high = to_int32(low), to_int32(high)
        if low == high:
            return low
        lo, hi = min(low, high), max(low, high)
        diff = (hi - lo) & MASK32
        if diff == MASK32:
            return to_int32(self.rand() + lo)
        return to_int32(self.pcg_bounded(diff + 1) + lo)

    def pcg_bounded(self, bound: int) -> int:
        return self.pcg.bounded(bound)

    def randfn_double(self, mean: float, deviation: float) -> float:
        temp = self.randd()
        if temp < CMP_EPSILON:
            temp += CMP_EPSILON
        return mean + deviation * (math.cos(math.tau * self.randd()) * math.sqrt(-2.0 * math.log(temp)))

    def randfn_float(self, mean: float, deviation: float) -> float:
        mean, deviation = f32(mean), f32(deviation)
        if self.dialect == 3:
            first, second = self.randf(), self.randf()
            value = mean + deviation * (math.cos(math.tau * first) * math.sqrt(-2.0 * math.log(second)))
            return f32(value)
        temp = self.randf()
        if temp < CMP_EPSILON:
            temp = f32(temp + CMP_EPSILON)
        cos_part = f32(math.cos(f32(f32(math.tau) * self.randf())))
        log_part = f32(math.log(temp)) if temp > 0 else -math.inf
        return f32(mean + deviation * (cos_part * math.sqrt(-2.0 * log_part)))

    def rand_weighted(self, weights: Any) -> int:
        weights = [f32(float(w)) for w in weights]
        if not weights:
            engine_error('Condition "p_weights.is_empty()" is true. Returning: -1',
                         "Weights array is empty.")
            return -1
        total = 0.0
        for weight in weights:
            total = f32(total + weight)
        remaining = f32(self.randf() * total)
        for index, weight in enumerate(weights):
            remaining = f32(remaining - weight)
            if remaining < 0:
                return index
        for index in range(len(weights) - 1, -1, -1):
            if weights[index] > 0:
                return index
        return -1


# * RandomNumberGenerator -------------------------------------------------------

class _GeneratorAPI:
    """The methods both dialects' RandomNumberGenerator share (over ``self._gd_rng``)."""

    _gd_rng: RandomPCG

    @property
    def seed(self) -> int:
        return to_int64(self._gd_rng.current_seed)

    @seed.setter
    def seed(self, value: int) -> None:
        self._gd_rng.seed(int(value))

    def set_seed(self, seed: int) -> None:
        self.seed = seed

    def get_seed(self) -> int:
        return self.seed

    def randomize(self) -> None:
        self._gd_rng.randomize()

    def randi(self) -> int:
        return self._gd_rng.rand()

    def randf(self) -> float:
        return self._gd_rng.randf()

    def randf_range(self, from_: float, to: float) -> float:
        return self._gd_rng.random_float(from_, to)

    def randfn(self, mean: float = 0.0, deviation: float = 1.0) -> float:
        return self._gd_rng.randfn_float(mean, deviation)

    def randi_range(self, from_: int, to: int) -> int:
        return self._gd_rng.random_int(from_, to)


class RandomNumberGenerator(_GeneratorAPI, RefCounted):
    """Godot 4's RandomNumberGenerator (randomized when created)."""

    GODOT_NAME = "RandomNumberGenerator"

    def __init__(self) -> None:
        super().__init__()
        self._gd_rng = RandomPCG(4)
        self._gd_rng.randomize()

    @property
    def state(self) -> int:
        return to_int64(self._gd_rng.pcg.state)

    @state.setter
    def state(self, value: int) -> None:
        self._gd_rng.pcg.state = int(value) & MASK64

    def set_state(self, state: int) -> None:
        self.state = state

    def get_state(self) -> int:
        return self.state

    def rand_weighted(self, weights: Any) -> int:
        return self._gd_rng.rand_weighted(weights)


class RandomNumberGenerator3(_GeneratorAPI, Reference):
    """Godot 3's RandomNumberGenerator: default seed, modulo ranges, no ``state``."""

    GODOT_NAME = "RandomNumberGenerator"

    def __init__(self) -> None:
        super().__init__()
        self._gd_rng = RandomPCG(3)

    def randi_range(self, from_: int, to: int) -> int:
        low, high = to_int32(from_), to_int32(to)
        value = self._gd_rng.rand()
        if high < low:
            return to_int32(value % ((low - high + 1) & MASK32 or 1 << 32) + high)
        return to_int32(value % ((high - low + 1) & MASK32 or 1 << 32) + low)


# * Global functions ---------------------------------------------------------------

GLOBAL_RANDOM_4 = RandomPCG(4)
GLOBAL_RANDOM_3 = RandomPCG(3)


def _rand_from_seed(seed: int) -> Any:
    from .packed import PackedInt64Array

    generator = RandomPCG(4, seed & MASK64)
    return PackedInt64Array([generator.rand(), to_int64(generator.current_seed)])


def _rand_seed3(seed: int) -> Any:
    from .arrays import Array

    generator = RandomPCG(3, seed & MASK64)
    value = generator.rand()
    return Array([to_int32(value), to_int64(generator.current_seed)])


def _functions_4(rng: RandomPCG) -> dict[str, Callable[..., Any]]:
    return {
        "randomize": lambda: rng.randomize(),
        "randi": lambda: rng.rand(),
        "randf": lambda: rng.randf_div(),
        "randfn": lambda mean, deviation: rng.randfn_double(float(mean), float(deviation)),
        "randi_range": lambda from_, to: rng.random_int(int(from_), int(to)),
        "randf_range": lambda from_, to: rng.random_double(float(from_), float(to)),
        "seed": lambda base: rng.seed(int(base)),
        "rand_from_seed": _rand_from_seed,
    }


def _functions_3(rng: RandomPCG) -> dict[str, Callable[..., Any]]:
    return {
        "randomize": lambda: rng.randomize(),
        "randi": lambda: rng.rand(),
        "randf": lambda: rng.randf_div(),
        "rand_range": lambda from_, to: rng.random_double(float(from_), float(to)),
        "seed": lambda base: rng.seed(int(base)),
        "rand_seed": _rand_seed3,
    }


GLOBAL_FUNCTIONS_4 = _functions_4(GLOBAL_RANDOM_4)
GLOBAL_FUNCTIONS_3 = _functions_3(GLOBAL_RANDOM_3)

GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"RandomNumberGenerator": RandomNumberGenerator}
GODOT_CLASSES_3 = {"RandomNumberGenerator": RandomNumberGenerator3}
