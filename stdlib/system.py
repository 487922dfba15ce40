"""The system singletons: OS, Engine and Time (4.x); OS and Engine (3.x).

Contract for the runtime and the CLI (module-level settings, no global dialect switch):

* ``set_cmdline_args(engine_args, user_args)``: what ``OS.get_cmdline_args()`` /
  ``get_cmdline_user_args()`` return (3.x has no split: it returns both lists joined).
* ``set_user_data_dir(path)``: ``OS.get_user_data_dir()`` (default:
  ``$XDG_DATA_HOME/godot/app_userdata/gdscript``).
* ``SANDBOX[0]``: when true, everything that starts or signals processes or opens
  files/URLs outside the script (``execute``, ``create_process``, ``create_instance``,
  ``kill``, ``shell_open``, ``shell_show_in_file_manager``, ``open_with_program``,
  ``move_to_trash``) raises ``ScriptRuntimeError``.  ``set_sandbox(flag)`` sets it.
* ``VERBOSE[0]``: ``--verbose`` (``print_verbose``, ``OS.is_stdout_verbose``).
* ``set_main_loop(obj)``; ``advance_frames(process=1, physics=0, drawn=0)`` counts frames.
* ``GODOT_SINGLETONS_4`` / ``GODOT_SINGLETONS_3``: name -> instance (OS, Engine, Time, and
  Marshalls / 3.x JSON from their modules); the classes are in ``GODOT_CLASSES_*``.

Choices (Godot has no single answer without an engine): the process looks like a debug
desktop build on the host platform: ``OS.get_name()`` is "Linux" (4.x) / "X11" (3.x,
what Godot 3 reports on Linux desktops), ``is_debug_build()`` is true (Godot's test
outputs assume debug builds), feature tags are "pc", the platform, "64"/"32", the CPU
architecture, "debug", "single", "threads" (3.x: "pc", "X11", "64", arch, "debug").
Window, display, MIDI and permission methods behave like Godot's desktop/headless
versions (empty lists, no-ops, ``true`` for permission requests).
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable as PyCallable, Mapping

from ..errors import ScriptRuntimeError, engine_error
from .global_constants import ERR_CANT_FORK, FAILED, OK
from .objects import Object

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

START_NS = time.monotonic_ns()
CMDLINE: dict[str, list[str]] = {"engine": [], "user": []}
USER_DATA_DIR: list[str | None] = [None]
SANDBOX = [False]
VERBOSE = [False]
MAIN_LOOP: list[Any] = [None]
FRAMES = {"process": 0, "physics": 0, "drawn": 0}


def set_cmdline_args(engine_args: list[str], user_args: list[str] | None = None) -> None:
    CMDLINE["engine"] = [str(a) for a in engine_args]
    CMDLINE["user"] = [str(a) for a in (user_args or [])]


def set_user_data_dir(path: str | None) -> None:
    USER_DATA_DIR[0] = path


def set_sandbox(enabled: bool) -> None:
    SANDBOX[0] = bool(enabled)


def set_main_loop(loop: Any) -> None:
    MAIN_LOOP[0] = loop


def advance_frames(process: int = 1, physics: int = 0, drawn: int = 0) -> None:
    FRAMES["process"] += process
    FRAMES["physics"] += physics
    FRAMES["drawn"] += drawn


def stored_property(name: str, convert: Any = None) -> property:
    """A Godot property kept in ``_gd_<name>`` (plain attributes are invisible to scripts)."""
    key = "_gd_" + name

    def fget(self: Any) -> Any:
        return getattr(self, key)

    def fset(self: Any, value: Any) -> None:
        setattr(self, key, convert(value) if convert is not None else value)

    return property(fget, fset)


def _guard(what: str) -> None:
    if SANDBOX[0]:
        raise ScriptRuntimeError(f"OS.{what}() is not allowed in a sandboxed run.")


def _packed_strings(values: Any) -> Any:
    from .packed import PackedStringArray
    return PackedStringArray([str(v) for v in values])


def _dictionary(values: dict[str, Any]) -> Any:
    from .dictionary import Dictionary
    return Dictionary(values)


def _xdg(variable: str, fallback: str) -> str:
    return os.environ.get(variable) or os.path.join(os.path.expanduser("~"), fallback)


def _platform_name(dialect: int) -> str:
    import platform
    system = platform.system()
    if system == "Windows":
        return "Windows"
    if system == "Darwin":
        return "OSX" if dialect == 3 else "macOS"
    return "X11" if dialect == 3 else "Linux"


def _architecture() -> str:
    import platform
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64", "i686": "x86_32", "i386": "x86_32"}.get(machine, machine)


def _handle_type(stream: Any) -> int:
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return 0  # STD_HANDLE_INVALID
    if stream.isatty():
        return 1
    if stat.S_ISREG(mode):
        return 2
    return 3 if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) else 4


def _read_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""


# * OS (4.x) -----------------------------------------------------------------------------

class OS(Object):
    """Godot 4's OS singleton, for a desktop debug build on the host system."""

    GODOT_NAME = "OS"
    _GD_DIALECT = 4
    RENDERING_DRIVER_VULKAN = 0
    RENDERING_DRIVER_OPENGL3 = 1
    RENDERING_DRIVER_D3D12 = 2
    RENDERING_DRIVER_METAL = 3
    SYSTEM_DIR_DESKTOP = 0
    SYSTEM_DIR_DCIM = 1
    SYSTEM_DIR_DOCUMENTS = 2
    SYSTEM_DIR_DOWNLOADS = 3
    SYSTEM_DIR_MOVIES = 4
    SYSTEM_DIR_MUSIC = 5
    SYSTEM_DIR_PICTURES = 6
    SYSTEM_DIR_RINGTONES = 7
    STD_HANDLE_INVALID = 0
    STD_HANDLE_CONSOLE = 1
    STD_HANDLE_FILE = 2
    STD_HANDLE_PIPE = 3
    STD_HANDLE_UNKNOWN = 4
    delta_smoothing = stored_property("delta_smoothing", bool)
    low_processor_usage_mode = stored_property("low_processor_usage_mode", bool)
    low_processor_usage_mode_sleep_usec = stored_property("low_processor_usage_mode_sleep_usec", int)

    def __init__(self) -> None:
        super().__init__()
        self._gd_delta_smoothing = True
        self._gd_low_processor_usage_mode = False
        self._gd_low_processor_usage_mode_sleep_usec = 6900
        self._gd_loggers: list[Any] = []
        self._gd_processes: dict[int, Any] = {}
        self._gd_restart: tuple[bool, list[str]] = (False, [])

    # Time and identity
    def get_ticks_msec(self) -> int:
        return (time.monotonic_ns() - START_NS) // 1_000_000

    def get_ticks_usec(self) -> int:
        return (time.monotonic_ns() - START_NS) // 1_000

    def delay_msec(self, msec: int) -> None:
        time.sleep(max(msec, 0) / 1000)

    def delay_usec(self, usec: int) -> None:
        time.sleep(max(usec, 0) / 1_000_000)

    def get_name(self) -> str:
        return _platform_name(self._GD_DIALECT)

    def get_distribution_name(self) -> str:
        import re

        match = re.search(r'^NAME="?([^"\n]*)"?', _read_file("/etc/os-release"), re.M)
        return match.group(1) if match else ""

    def get_version(self) -> str:
        import platform
        return platform.release()

    def get_version_alias(self) -> str:
        return self.get_version()

    def get_model_name(self) -> str:
        return "GenericDevice"

    def get_processor_count(self) -> int:
        return os.cpu_count() or 1

    def get_processor_name(self) -> str:
        import re

        match = re.search(r"^model name\s*:\s*(.*)$", _read_file("/proc/cpuinfo"), re.M)
        return match.group(1).strip() if match else ""

    def get_unique_id(self) -> str:
        return _read_file("/etc/machine-id").strip()

    def get_keycode_string(self, code: int) -> str:
        from .keycodes import keycode_string
        return keycode_string(int(code))

    def find_keycode_from_string(self, string: str) -> int:
        from .keycodes import find_keycode
        return find_keycode(str(string))

    def get_process_id(self) -> int:
        return os.getpid()

    def get_main_thread_id(self) -> int:
        import threading

        return threading.main_thread().ident or 0

    def get_thread_caller_id(self) -> int:
        import threading

        return threading.get_ident()

    def set_thread_name(self, name: str) -> int:
        import threading

        threading.current_thread().name = str(name)
        return OK

    def is_debug_build(self) -> bool:
        return True

    def is_stdout_verbose(self) -> bool:
        return VERBOSE[0]

    def is_sandboxed(self) -> bool:
        return SANDBOX[0]

    def is_userfs_persistent(self) -> bool:
        return True

    def has_feature(self, tag_name: str) -> bool:
        bits = "64" if sys.maxsize > 2**32 else "32"
        tags = {"pc", self.get_name().lower(), bits, _architecture(), "debug", "single", "threads"}
        return str(tag_name) in tags

    def get_locale(self) -> str:
        locale = os.environ.get("LANG")
        if locale is None:
            return "en"
        return locale.split(".", 1)[0]

    def get_locale_language(self) -> str:
        return self.get_locale().split("_", 1)[0]

    # Environment and command line
    def get_environment(self, variable: str) -> str:
        return os.environ.get(str(variable), "")

    def has_environment(self, variable: str) -> bool:
        return str(variable) in os.environ

    def set_environment(self, variable: str, value: str) -> None:
        if not variable or "=" in variable:
            engine_error(f'Condition "p_var.is_empty() || p_var.contains_char(\'=\')" is true.',
                         f"Invalid environment variable name '{variable}', cannot be empty or include '='.")
            return
        os.environ[str(variable)] = str(value)

    def unset_environment(self, variable: str) -> None:
        os.environ.pop(str(variable), None)

    def get_cmdline_args(self) -> Any:
        return _packed_strings(CMDLINE["engine"])

    def get_cmdline_user_args(self) -> Any:
        return _packed_strings(CMDLINE["user"])

    def get_executable_path(self) -> str:
        import shutil
        argv0 = sys.argv[0] if sys.argv and sys.argv[0] else ""
        found = shutil.which(argv0) if argv0 and not os.path.isabs(argv0) else argv0
        return os.path.abspath(found) if found and os.path.exists(found) else sys.executable

    def set_restart_on_exit(self, restart: bool, arguments: Any = ()) -> None:
        self._gd_restart = (bool(restart), [str(a) for a in arguments])

    def is_restart_on_exit_set(self) -> bool:
        return self._gd_restart[0]

    def get_restart_on_exit_arguments(self) -> Any:
        return _packed_strings(self._gd_restart[1])

    # Directories
    def get_user_data_dir(self) -> str:
        path = USER_DATA_DIR[0] or os.path.join(self.get_data_dir(), "godot", "app_userdata", "gdscript")
        return str(path).replace("\\", "/")

    def get_data_dir(self) -> str:
        return _xdg("XDG_DATA_HOME", ".local/share")

    def get_config_dir(self) -> str:
        return _xdg("XDG_CONFIG_HOME", ".config")

    def get_cache_dir(self) -> str:
        return _xdg("XDG_CACHE_HOME", ".cache")

    def get_temp_dir(self) -> str:
        import tempfile
        return tempfile.gettempdir()

    def get_system_dir(self, dir_: int, shared_storage: bool = True) -> str:
        names = ["DESKTOP", "PICTURES", "DOCUMENTS", "DOWNLOAD", "VIDEOS", "MUSIC", "PICTURES", ""]
        folders = ["Desktop", "Pictures", "Documents", "Downloads", "Videos", "Music", "Pictures", ""]
        if not 0 <= dir_ < len(names) or not names[dir_]:
            return ""
        home = os.path.expanduser("~")
        return os.environ.get(f"XDG_{names[dir_]}_DIR") or os.path.join(home, folders[dir_])

    # Memory and streams
    def get_static_memory_usage(self) -> int:
        pages = _read_file("/proc/self/statm").split()
        return int(pages[1]) * os.sysconf("SC_PAGE_SIZE") if len(pages) > 1 else 0

    def get_static_memory_peak_usage(self) -> int:
        import resource  # Unix only
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def get_memory_info(self) -> Any:
        import re

        info = dict(re.findall(r"^(\w+):\s+(\d+)", _read_file("/proc/meminfo"), re.M))
        kib = lambda key: int(info[key]) * 1024 if key in info else -1  # noqa: E731
        import resource  # Unix only
        stack = resource.getrlimit(resource.RLIMIT_STACK)[0]
        return _dictionary({"physical": kib("MemTotal"), "free": kib("MemFree"),
                            "available": kib("MemAvailable"), "stack": stack if stack > 0 else -1})

    def get_stdin_type(self) -> int:
        return _handle_type(sys.stdin)

    def get_stdout_type(self) -> int:
        return _handle_type(sys.stdout)

    def get_stderr_type(self) -> int:
        return _handle_type(sys.stderr)

    def read_string_from_stdin(self, buffer_size: int = 1024) -> str:
        line = sys.stdin.readline(max(buffer_size, 1))
        return line.rstrip("\n")

    def read_buffer_from_stdin(self, buffer_size: int = 1024) -> Any:
        from .packed import PackedByteArray
        return PackedByteArray(sys.stdin.buffer.read1(max(buffer_size, 1)))

    def get_entropy(self, size: int) -> Any:
        from .packed import PackedByteArray
        return PackedByteArray(os.urandom(max(size, 0)))

    def get_system_ca_certificates(self) -> str:
        for path in ("/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"):
            if os.path.exists(path):
                return _read_file(path)
        import certifi
        return _read_file(certifi.where())

    def get_video_adapter_driver_info(self) -> Any:
        return _packed_strings([])

    # Processes (guarded by SANDBOX)
    def execute(self, path: str, arguments: Any, output: Any = None, read_stderr: bool = False,
                open_console: bool = False) -> int:
        import subprocess
        _guard("execute")
        try:
            done = subprocess.run([str(path), *map(str, arguments)], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT if read_stderr else None, check=False)
        except OSError:
            return -1
        if output is not None:
            output.append(done.stdout.decode("utf-8", errors="replace"))
        return done.returncode

    def create_process(self, path: str, arguments: Any, open_console: bool = False) -> int:
        import subprocess
        _guard("create_process")
        try:
            process = subprocess.Popen([str(path), *map(str, arguments)], stdin=subprocess.DEVNULL)
        except OSError:
            return -1
        self._gd_processes[process.pid] = process
        return process.pid

    def create_instance(self, arguments: Any) -> int:
        _guard("create_instance")
        return self.create_process(sys.executable, ["-m", "gdscript", *map(str, arguments)])

    def is_process_running(self, pid: int) -> bool:
        process = self._gd_processes.get(pid)
        if process is not None:
            return process.poll() is None
        try:
            os.kill(pid, 0)
        except (OSError, OverflowError):
            return False
        return True

    def get_process_exit_code(self, pid: int) -> int:
        process = self._gd_processes.get(pid)
        if process is None or process.poll() is None:
            return -1
        return process.returncode

    def kill(self, pid: int) -> int:
        _guard("kill")
        try:
            os.kill(pid, 9)
        except (OSError, OverflowError):
            return FAILED
        process = self._gd_processes.get(pid)
        if process is not None:
            process.wait()
        return OK

    def _open(self, what: str, command: list[str]) -> int:
        import shutil
        import subprocess
        _guard(what)
        opener = shutil.which("xdg-open") or shutil.which("open")
        if opener is None:
            return ERR_CANT_FORK
        try:
            subprocess.Popen([opener, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            return ERR_CANT_FORK
        return OK

    def shell_open(self, uri: str) -> int:
        return self._open("shell_open", [str(uri)])

    def shell_show_in_file_manager(self, file_or_dir_path: str, open_folder: bool = True) -> int:
        path = str(file_or_dir_path)
        if open_folder and not os.path.isdir(path):
            path = os.path.dirname(path) or "."
        return self._open("shell_show_in_file_manager", [path])

    def open_with_program(self, program_path: str, paths: Any) -> int:
        import subprocess
        _guard("open_with_program")
        try:
            subprocess.Popen([str(program_path), *map(str, paths)])
        except OSError:
            return ERR_CANT_FORK
        return OK

    def move_to_trash(self, path: str) -> int:
        import shutil
        from pathlib import Path

        _guard("move_to_trash")
        source = Path(str(path))
        if not source.is_absolute() or not source.exists():
            engine_error(f"Could not move to trash: {path}")
            return FAILED
        trash = Path(self.get_data_dir()) / "Trash" / "files"
        trash.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(trash / source.name))
        return OK

    def alert(self, text: str, title: str = "Alert!") -> None:
        sys.stderr.write(f"{title}: {text}\n")

    def crash(self, message: str) -> None:
        raise ScriptRuntimeError(f"Crash requested by script: {message}")

    # Fonts (through fontconfig, as Godot's Linux build does; empty without it)
    def get_system_fonts(self) -> Any:
        listing = _run_quiet(["fc-list", ":", "family"])
        families = {name.strip() for line in listing.splitlines() for name in line.split(",")[:1]}
        return _packed_strings(sorted(f for f in families if f))

    def get_system_font_path(self, font_name: str, weight: int = 400, stretch: int = 100,
                             italic: bool = False) -> str:
        pattern = f"{font_name}:weight={_fc_weight(weight)}:width={stretch}"
        pattern += ":slant=100" if italic else ""
        return _run_quiet(["fc-match", "-f", "%{file}", pattern])

    def get_system_font_path_for_text(self, font_name: str, text: str, locale: str = "",
                                      script: str = "", weight: int = 400, stretch: int = 100,
                                      italic: bool = False) -> Any:
        path = self.get_system_font_path(font_name, weight, stretch, italic)
        return _packed_strings([path] if path else [])

    def is_keycode_unicode(self, code: int) -> bool:
        from .global_constants import ENUMS_4
        keys = ENUMS_4["Key"]
        return all(keys.get("KEY_" + name) != code for name in _NON_UNICODE_KEYS.split())

    # Desktop/headless behaviour of device features
    def add_logger(self, logger: Any) -> None:
        if logger not in self._gd_loggers:
            self._gd_loggers.append(logger)

    def remove_logger(self, logger: Any) -> None:
        if logger in self._gd_loggers:
            self._gd_loggers.remove(logger)

    def open_midi_inputs(self) -> None:
        pass

    def close_midi_inputs(self) -> None:
        pass

    def get_connected_midi_inputs(self) -> Any:
        return _packed_strings([])

    def request_permission(self, name: str) -> bool:
        return True

    def request_permissions(self) -> bool:
        return True

    def revoke_granted_permissions(self) -> None:
        pass

    def get_granted_permissions(self) -> Any:
        return _packed_strings([])

    def set_use_file_access_save_and_swap(self, enabled: bool) -> None:
        self._gd_save_and_swap = bool(enabled)


_NON_UNICODE_KEYS = (
    "ESCAPE TAB BACKTAB BACKSPACE ENTER KP_ENTER INSERT DELETE PAUSE PRINT SYSREQ CLEAR HOME END "
    "LEFT UP RIGHT DOWN PAGEUP PAGEDOWN SHIFT CTRL META ALT CAPSLOCK NUMLOCK SCROLLLOCK "
    + " ".join(f"F{n}" for n in range(1, 36)) + " MENU HYPER HELP BACK FORWARD STOP REFRESH "
    "VOLUMEDOWN VOLUMEMUTE VOLUMEUP MEDIAPLAY MEDIASTOP MEDIAPREVIOUS MEDIANEXT MEDIARECORD "
    "HOMEPAGE FAVORITES SEARCH STANDBY OPENURL LAUNCHMAIL LAUNCHMEDIA "
    + " ".join(f"LAUNCH{c}" for c in "0123456789ABCDEF") + " GLOBE KEYBOARD JIS_EISU JIS_KANA")


def _fc_weight(weight: int) -> int:
    """OpenType weight (100-900) -> fontconfig weight."""
    table = ((100, 0), (200, 40), (300, 50), (400, 80), (500, 100), (600, 180), (700, 200),
             (800, 205), (900, 210))
    return min(table, key=lambda pair: abs(pair[0] - weight))[1]


def _run_quiet(command: list[str]) -> str:
    import shutil
    import subprocess
    if shutil.which(command[0]) is None:
        return ""
    try:
        done = subprocess.run(command, capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else ""


# * OS (3.x) -----------------------------------------------------------------------------

class OS3(OS):
    """Godot 3's OS: time and date functions on OS, blocking ``execute``, exit code."""

    _GD_DIALECT = 3
    exit_code = stored_property("exit_code", int)

    def __init__(self) -> None:
        super().__init__()
        self._gd_exit_code = 0

    def has_feature(self, tag_name: str) -> bool:
        bits = "64" if sys.maxsize > 2**32 else "32"
        return str(tag_name) in {"pc", self.get_name(), bits, _architecture(), "debug"}

    def get_cmdline_args(self) -> Any:
        return _packed_strings(CMDLINE["engine"] + CMDLINE["user"])

    def get_exit_code(self) -> int:
        return self.exit_code

    def get_scancode_string(self, code: int) -> str:
        from .keycodes import scancode_string_3
        return scancode_string_3(int(code))

    def find_scancode_from_string(self, string: str) -> int:
        from .keycodes import find_scancode_3
        return find_scancode_3(str(string))

    def is_scancode_unicode(self, code: int) -> bool:
        from .keycodes import scancode_has_unicode_3
        return scancode_has_unicode_3(int(code))

    def set_exit_code(self, code: int) -> None:
        self.exit_code = code

    def get_dynamic_memory_usage(self) -> int:
        return 0

    def get_unix_time(self) -> int:
        return int(time.time())

    def get_system_time_secs(self) -> int:
        return int(time.time())

    def get_system_time_msecs(self) -> int:
        return time.time_ns() // 1_000_000

    def get_datetime(self, utc: bool = False) -> Any:
        values = _system_datetime(utc, dst=True)
        keys = ("year", "month", "day", "weekday", "dst", "hour", "minute", "second")
        return _dictionary({k: values[k] for k in keys})

    def get_date(self, utc: bool = False) -> Any:
        values = _system_datetime(utc, dst=True)
        return _dictionary({k: values[k] for k in ("year", "month", "day", "weekday", "dst")})

    def get_time(self, utc: bool = False) -> Any:
        values = _system_datetime(utc)
        return _dictionary({k: values[k] for k in ("hour", "minute", "second")})

    def get_time_zone_info(self) -> Any:
        return _dictionary(_time_zone())

    def get_datetime_from_unix_time(self, unix_time_val: int) -> Any:
        return _dictionary(datetime_from_unix(unix_time_val))

    def get_unix_time_from_datetime(self, datetime: Any) -> int:
        values = [datetime.get(k, d) for k, d in (("year", 1970), ("month", 1), ("day", 1),
                                                  ("hour", 0), ("minute", 0), ("second", 0))]
        return unix_from_fields(*[int(v) for v in values])

    def execute(self, path: str, arguments: Any, blocking: bool = True, output: Any = None,
                read_stderr: bool = False, open_console: bool = False) -> int:
        if not blocking:
            return self.create_process(path, arguments)
        return super().execute(path, arguments, output, read_stderr, open_console)


# * Calendar arithmetic (proleptic Gregorian, any year) ---------------------------------

def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 (negative before)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + (3 if month_index < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def datetime_from_unix(unix_time: int) -> dict[str, int]:
    days, clock = divmod(int(unix_time), 86400)
    year, month, day = civil_from_days(days)
    return {"year": year, "month": month, "day": day, "weekday": (days + 4) % 7,
            "hour": clock // 3600, "minute": clock // 60 % 60, "second": clock % 60}


def unix_from_fields(year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second


def _system_datetime(utc: bool, dst: bool = False) -> dict[str, Any]:
    now = time.gmtime() if utc else time.localtime()
    values: dict[str, Any] = {"year": now.tm_year, "month": now.tm_mon, "day": now.tm_mday,
                              "weekday": (now.tm_wday + 1) % 7, "hour": now.tm_hour,
                              "minute": now.tm_min, "second": now.tm_sec}
    if dst:
        values["dst"] = bool(now.tm_isdst > 0) and not utc
    return values


def _time_zone() -> dict[str, Any]:
    now = time.localtime()
    return {"bias": (now.tm_gmtoff or 0) // 60, "name": now.tm_zone or ""}



# * Time (4.x) ----------------------------------------------------------------------------

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _validate(year: int, month: int, day: int, hour: int, minute: int, second: int) -> str | None:
    """Godot's VALIDATE_YMDHMS message for the first bad field, or None."""
    checks = (
        (month == 0, f"Invalid month value of: {month}, months are 1-indexed and cannot be 0. "
                     "See the Time.Month enum for valid values."),
        (month < 0, f"Invalid month value of: {month}."),
        (month > 12, f"Invalid month value of: {month}. See the Time.Month enum for valid values."),
        (hour > 23 or hour < 0, f"Invalid hour value of: {hour}."),
        (minute > 59 or minute < 0, f"Invalid minute value of: {minute}."),
        (second > 59, f"Invalid second value of: {second} (leap seconds are not supported)."),
        (second < 0, f"Invalid second value of: {second}."),
        (day == 0, f"Invalid day value of: {day}, days are 1-indexed and cannot be 0."),
        (day < 0, f"Invalid day value of: {day}."),
    )
    for failed, message in checks:
        if failed:
            return message
    limit = 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month - 1]
    if day > limit:
        return f"Invalid day value of: {day} which is larger than the maximum for this month, {limit}."
    return None


def _fields_from_dict(datetime: Any) -> tuple[int, ...]:
    defaults = (("year", 1970), ("month", 1), ("day", 1), ("hour", 0), ("minute", 0), ("second", 0))
    return tuple(int(datetime[k]) if k in datetime else d for k, d in defaults)


def _split_ints(text: str, separator: str) -> list[int]:
    from . import strings
    return [strings.to_int(part) for part in text.split(separator) if part]


def _parse_iso(text: str) -> tuple[int, ...] | None:
    """Godot's lenient ISO 8601 reading; None (after an engine error) when malformed."""
    year, month, day, hour, minute, second = 1970, 1, 1, 0, 0, 0
    date = clock = None
    for separator in ("T", " "):
        if text.find(separator) > 0:
            date, clock = text.split(separator)[0], text.split(separator)[1]
            break
    else:
        if text.find("-", 1) > 0:
            date = text
        elif text.find(":") > 0:
            clock = text
    if date is not None:
        parts = _split_ints(date, "-")
        if len(parts) < 3:
            engine_error('Condition "array.size() < 3" is true. Returning: ret', "Invalid ISO 8601 date string.")
            return None
        year, month, day = parts[:3]
        year = -year if text.startswith("-") else year
    if clock is not None:
        parts = _split_ints(clock, ":")
        if len(parts) < 3:
            engine_error('Condition "array.size() < 3" is true. Returning: ret', "Invalid ISO 8601 time string.")
            return None
        hour, minute, second = parts[:3]
    return year, month, day, hour, minute, second


def _format_datetime(fields: tuple[int, ...], use_space: bool) -> str:
    year, month, day, hour, minute, second = fields
    separator = " " if use_space else "T"
    return f"{year:04d}-{month:02d}-{day:02d}{separator}{hour:02d}:{minute:02d}:{second:02d}"


def _invalid(message: str, returning: str) -> None:
    engine_error(f'Condition "<invalid date/time field>" is true. Returning: {returning}', message)


class Time(Object):
    """Godot 4's Time singleton (calendar arithmetic in the proleptic Gregorian calendar)."""

    GODOT_NAME = "Time"
    MONTH_JANUARY = 1
    MONTH_FEBRUARY = 2
    MONTH_MARCH = 3
    MONTH_APRIL = 4
    MONTH_MAY = 5
    MONTH_JUNE = 6
    MONTH_JULY = 7
    MONTH_AUGUST = 8
    MONTH_SEPTEMBER = 9
    MONTH_OCTOBER = 10
    MONTH_NOVEMBER = 11
    MONTH_DECEMBER = 12
    WEEKDAY_SUNDAY = 0
    WEEKDAY_MONDAY = 1
    WEEKDAY_TUESDAY = 2
    WEEKDAY_WEDNESDAY = 3
    WEEKDAY_THURSDAY = 4
    WEEKDAY_FRIDAY = 5
    WEEKDAY_SATURDAY = 6

    def get_datetime_dict_from_unix_time(self, unix_time_val: int) -> Any:
        return _dictionary(datetime_from_unix(unix_time_val))

    def get_date_dict_from_unix_time(self, unix_time_val: int) -> Any:
        values = datetime_from_unix(unix_time_val)
        return _dictionary({k: values[k] for k in ("year", "month", "day", "weekday")})

    def get_time_dict_from_unix_time(self, unix_time_val: int) -> Any:
        values = datetime_from_unix(unix_time_val)
        return _dictionary({k: values[k] for k in ("hour", "minute", "second")})

    def get_datetime_string_from_unix_time(self, unix_time_val: int, use_space: bool = False) -> str:
        values = datetime_from_unix(unix_time_val)
        fields = tuple(values[k] for k in ("year", "month", "day", "hour", "minute", "second"))
        return _format_datetime(fields, use_space)

    def get_date_string_from_unix_time(self, unix_time_val: int) -> str:
        return self.get_datetime_string_from_unix_time(unix_time_val)[:-9]

    def get_time_string_from_unix_time(self, unix_time_val: int) -> str:
        return self.get_datetime_string_from_unix_time(unix_time_val)[-8:]

    def get_datetime_dict_from_datetime_string(self, datetime: str, weekday: bool) -> Any:
        fields = _parse_iso(str(datetime))
        if fields is None:
            return _dictionary({})
        year, month, day, hour, minute, second = fields
        values: dict[str, Any] = {"year": year, "month": month, "day": day}
        if weekday:
            values["weekday"] = (days_from_civil(year, month, day) + 4) % 7
        values.update({"hour": hour, "minute": minute, "second": second})
        return _dictionary(values)

    def get_datetime_string_from_datetime_dict(self, datetime: Any, use_space: bool) -> str:
        if not datetime:
            engine_error('Condition "p_datetime.is_empty()" is true. Returning: ""',
                         "Invalid datetime Dictionary: Dictionary is empty.")
            return ""
        fields = _fields_from_dict(datetime)
        problem = _validate(*fields)
        if problem:
            _invalid(problem, '""')
            return ""
        return _format_datetime(fields, use_space)

    def get_unix_time_from_datetime_dict(self, datetime: Any) -> int:
        if not datetime:
            engine_error('Condition "p_datetime.is_empty()" is true. Returning: 0',
                         "Invalid datetime Dictionary: Dictionary is empty")
            return 0
        return self._unix(_fields_from_dict(datetime))

    def get_unix_time_from_datetime_string(self, datetime: str) -> int:
        fields = _parse_iso(str(datetime))
        return -1 if fields is None else self._unix(fields)

    def _unix(self, fields: tuple[int, ...]) -> int:
        problem = _validate(*fields)
        if problem:
            _invalid(problem, "0")
            return 0
        return unix_from_fields(*fields)

    def get_offset_string_from_offset_minutes(self, offset_minutes: int) -> str:
        sign = "-" if offset_minutes < 0 else "+"
        offset_minutes = abs(offset_minutes)
        return f"{sign}{offset_minutes // 60:02d}:{offset_minutes % 60:02d}"

    def get_datetime_dict_from_system(self, utc: bool = False) -> Any:
        return _dictionary(_system_datetime(utc, dst=True))

    def get_date_dict_from_system(self, utc: bool = False) -> Any:
        values = _system_datetime(utc)
        return _dictionary({k: values[k] for k in ("year", "month", "day", "weekday")})

    def get_time_dict_from_system(self, utc: bool = False) -> Any:
        values = _system_datetime(utc)
        return _dictionary({k: values[k] for k in ("hour", "minute", "second")})

    def get_datetime_string_from_system(self, utc: bool = False, use_space: bool = False) -> str:
        values = _system_datetime(utc)
        fields = tuple(values[k] for k in ("year", "month", "day", "hour", "minute", "second"))
        return _format_datetime(fields, use_space)

    def get_date_string_from_system(self, utc: bool = False) -> str:
        return self.get_datetime_string_from_system(utc)[:-9]

    def get_time_string_from_system(self, utc: bool = False) -> str:
        return self.get_datetime_string_from_system(utc)[-8:]

    def get_time_zone_from_system(self) -> Any:
        return _dictionary(_time_zone())

    def get_unix_time_from_system(self) -> float:
        return time.time()

    def get_ticks_msec(self) -> int:
        return (time.monotonic_ns() - START_NS) // 1_000_000

    def get_ticks_usec(self) -> int:
        return (time.monotonic_ns() - START_NS) // 1_000


# * Engine --------------------------------------------------------------------------------

VERSION_4 = {"major": 4, "minor": 6, "patch": 0, "hex": 0x040600, "status": "dev",
             "build": "custom_build", "hash": "unknown", "timestamp": 0,
             "string": "4.6-dev (custom_build)"}
VERSION_3 = {"major": 3, "minor": 2, "patch": 3, "hex": 0x030203, "status": "stable",
             "build": "custom_build", "hash": "unknown", "year": 2020,
             "string": "3.2.3-stable (custom_build)"}


class Engine(Object):
    """Godot 4's Engine singleton: version, frame counters, singletons, main loop."""

    GODOT_NAME = "Engine"
    _GD_VERSION = VERSION_4
    max_fps = stored_property("max_fps", int)
    max_physics_steps_per_frame = stored_property("max_physics_steps_per_frame", int)
    physics_jitter_fix = stored_property("physics_jitter_fix", float)
    physics_ticks_per_second = stored_property("physics_ticks_per_second", int)
    print_error_messages = stored_property("print_error_messages", bool)
    print_to_stdout = stored_property("print_to_stdout", bool)
    time_scale = stored_property("time_scale", float)

    def __init__(self) -> None:
        super().__init__()
        self._gd_max_fps = 0
        self._gd_max_physics_steps_per_frame = 8
        self._gd_physics_jitter_fix = 0.5
        self._gd_physics_ticks_per_second = 60
        self._gd_print_error_messages = True
        self._gd_print_to_stdout = True
        self._gd_time_scale = 1.0
        self._gd_singletons: dict[str, Any] = {}

    def get_version_info(self) -> Any:
        return _dictionary(dict(self._GD_VERSION))

    def get_architecture_name(self) -> str:
        return _architecture()

    def get_frames_drawn(self) -> int:
        return FRAMES["drawn"]

    def get_process_frames(self) -> int:
        return FRAMES["process"]

    def get_physics_frames(self) -> int:
        return FRAMES["physics"]

    def get_frames_per_second(self) -> float:
        return 0.0

    def get_physics_interpolation_fraction(self) -> float:
        return 0.0

    def is_in_physics_frame(self) -> bool:
        return False

    def is_editor_hint(self) -> bool:
        return False

    def is_embedded_in_editor(self) -> bool:
        return False

    def get_write_movie_path(self) -> str:
        return ""

    def get_main_loop(self) -> Any:
        return MAIN_LOOP[0]

    def _all_singletons(self) -> dict[str, Any]:
        table = GODOT_SINGLETONS_3 if isinstance(self, Engine3) else GODOT_SINGLETONS_4
        return {**table, **self._gd_singletons}

    def get_singleton(self, name: str) -> Any:
        singleton = self._all_singletons().get(str(name))
        if singleton is None:
            engine_error(f"Failed to retrieve non-existent singleton '{name}'.")
        return singleton

    def has_singleton(self, name: str) -> bool:
        return str(name) in self._all_singletons()

    def get_singleton_list(self) -> Any:
        return _packed_strings(self._all_singletons())

    def register_singleton(self, name: str, instance: Any) -> None:
        if self.has_singleton(name):
            engine_error(f"Singleton name '{name}' already exists.")
            return
        self._gd_singletons[str(name)] = instance

    def unregister_singleton(self, name: str) -> None:
        if str(name) not in self._gd_singletons:
            engine_error(f"Attempt to remove unregistered singleton: {name}")
            return
        del self._gd_singletons[str(name)]

    def capture_script_backtraces(self, include_variables: bool = False) -> Any:
        from .arrays import Array
        return Array()

    # No credits or license data is bundled: the documented keys with empty lists.
    def get_author_info(self) -> Any:
        return _dictionary({k: _packed_strings([]) for k in ("lead_developers", "founders",
                                                             "project_managers", "developers")})

    def get_donor_info(self) -> Any:
        keys = ("patrons", "platinum_sponsors", "gold_sponsors", "silver_sponsors", "bronze_sponsors",
                "mini_sponsors", "gold_donors", "silver_donors", "bronze_donors")
        return _dictionary({k: _packed_strings([]) for k in keys})

    def get_copyright_info(self) -> Any:
        from .arrays import Array
        return Array()

    def get_license_info(self) -> Any:
        return _dictionary({})


class Engine3(Engine):
    """Godot 3's Engine: ``iterations_per_second``, ``target_fps``, ``editor_hint``."""

    _GD_VERSION = VERSION_3
    iterations_per_second = stored_property("iterations_per_second", int)
    target_fps = stored_property("target_fps", int)
    editor_hint = stored_property("editor_hint", bool)

    def __init__(self) -> None:
        super().__init__()
        self._gd_iterations_per_second = 60
        self._gd_target_fps = 0
        self._gd_editor_hint = False

    def get_idle_frames(self) -> int:
        return FRAMES["process"]

    def get_iterations_per_second(self) -> int:
        return self.iterations_per_second

    def set_iterations_per_second(self, value: int) -> None:
        self.iterations_per_second = int(value)

    def get_target_fps(self) -> int:
        return self.target_fps

    def set_target_fps(self, value: int) -> None:
        self.target_fps = int(value)

    def get_time_scale(self) -> float:
        return self.time_scale

    def set_time_scale(self, value: float) -> None:
        self.time_scale = float(value)


def _json3() -> Any:
    from .json_class import JSON3

    return JSON3()


def _marshalls(dialect: int) -> Any:
    from . import marshalls

    return marshalls.Marshalls3() if dialect == 3 else marshalls.Marshalls()


def _project_settings(dialect: int) -> Any:
    from . import project_settings

    return project_settings.ProjectSettings3() if dialect == 3 else \
        project_settings.ProjectSettings()


class Singletons(Mapping):
    """Name -> singleton instance, each made on first use (a run that never names
    Marshalls does not import its module)."""

    def __init__(self, makers: dict[str, PyCallable[[], Any]]) -> None:
        self._makers = makers
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        try:
            return self._made[name]
        except KeyError:
            value = self._made[name] = self._makers[name]()
            return value

    def __iter__(self) -> Any:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


GODOT_SINGLETONS_4 = Singletons({
    "OS": OS, "Engine": Engine, "Time": Time, "Marshalls": lambda: _marshalls(4),
    "ProjectSettings": lambda: _project_settings(4)})
GODOT_SINGLETONS_3 = Singletons({
    "OS": OS3, "Engine": Engine3, "JSON": _json3, "Marshalls": lambda: _marshalls(3),
    "ProjectSettings": lambda: _project_settings(3)})

GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"OS": OS, "Engine": Engine, "Time": Time}
GODOT_CLASSES_3 = {"OS": OS3, "Engine": Engine3}
