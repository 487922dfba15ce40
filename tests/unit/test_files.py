"""FileAccess / DirAccess (4.x), File / Directory (3.x) and the res:// / user:// path policy.

Byte layouts and 3.x return codes were observed with Godot 3.2.3 (``File.store_*``,
``open_compressed``, ``Directory`` error codes); 4.x rules come from Godot's
``core/io/file_access.cpp`` and ``drivers/unix``.
"""

from __future__ import annotations

import os
import tempfile

import pytest

from gdscript.stdlib import files
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.files import DirAccess, Directory3, File3, FileAccess
from gdscript.stdlib.global_constants import (ERR_ALREADY_EXISTS, ERR_CANT_CREATE,
                                              ERR_FILE_CANT_OPEN, ERR_FILE_EOF,
                                              ERR_FILE_NO_PERMISSION, ERR_FILE_NOT_FOUND,
                                              ERR_FILE_UNRECOGNIZED, ERR_INVALID_PARAMETER,
                                              ERR_UNAVAILABLE, FAILED, OK)

# What Godot 3.2.3 wrote for File.open_compressed(..., COMPRESSION_DEFLATE) + store_string.
GODOT3_DEFLATE = bytes.fromhex("474350460100000000100000110000001000000078"
                               "9ccb48cdc9c957c84090003a2e067d47435046")



@pytest.fixture
def project(tmp_path):
    res, user = tmp_path / "project", tmp_path / "userdata"
    res.mkdir()
    files.set_roots(str(res), str(user))
    yield res
    files.set_roots(None, None)
    files.set_confined(False)


def write(path: str, data: bytes, big_endian: bool = False) -> None:
    file = FileAccess.open(path, FileAccess.WRITE)
    file.big_endian = big_endian
    file.store_buffer(data)
    file.close()


class TestPathPolicy:
    def test_roots_map_to_folders(self, project):
        assert files.globalize_path("res://a/b.txt") == str(project / "a" / "b.txt")
        user = files.globalize_path("user://save.cfg")
        assert user == os.path.join(os.path.realpath(project.parent / "userdata"), "save.cfg")
        assert os.path.isdir(project.parent / "userdata")  # created on first use
        assert files.localize_path(str(project / "x" / "y.gd")) == "res://x/y.gd"

    def test_default_roots(self, tmp_path, monkeypatch):
        files.set_roots(None, None)
        monkeypatch.chdir(tmp_path)
        assert files.globalize_path("res://f") == os.path.join(os.path.realpath(tmp_path), "f")
        user = files.POLICY.user_root()
        assert user.startswith(os.path.realpath(tempfile.gettempdir()))
        assert os.path.isdir(user)

    def test_relative_paths_are_relative_to_res(self, project):
        write("notes.txt", b"x")
        assert (project / "notes.txt").read_bytes() == b"x"

    def test_unconfined_absolute_paths_work(self, project, tmp_path):
        outside = tmp_path / "outside.txt"
        write(str(outside), b"abc")
        assert outside.read_bytes() == b"abc"

    @pytest.mark.parametrize("path, code", [
        ("/etc/passwd", ERR_FILE_NO_PERMISSION),
        ("res://../escape.txt", ERR_FILE_NO_PERMISSION),
        ("user://../../x", ERR_FILE_NO_PERMISSION),
        ("http://example.com/x", ERR_INVALID_PARAMETER),
    ])
    def test_confined_refusals(self, project, engine_messages, path, code):
        files.set_confined(True)
        assert FileAccess.open(path, FileAccess.READ) is None
        assert FileAccess.get_open_error() == code
        assert path in engine_messages[-1][1]
        assert File3().open(path, File3.READ) == code

    def test_confined_symlink_escape(self, project, tmp_path, engine_messages):
        (tmp_path / "secret.txt").write_text("s")
        os.symlink(tmp_path, project / "link")
        files.set_confined(True)
        assert FileAccess.open("res://link/secret.txt", FileAccess.READ) is None
        assert FileAccess.get_open_error() == ERR_FILE_NO_PERMISSION
        assert FileAccess.get_file_as_string("res://link/secret.txt") == ""
        folder = DirAccess.open("res://")
        assert folder.is_link("link")
        assert folder.remove("link") == OK  # removes the link itself, not its target
        assert (tmp_path / "secret.txt").exists() and not os.path.lexists(project / "link")

    def test_confined_inside_works(self, project):
        files.set_confined(True)
        write("user://data.bin", b"\x01\x02")
        assert bytes(FileAccess.get_file_as_bytes("user://data.bin")) == b"\x01\x02"
        assert DirAccess.make_dir_recursive_absolute("res://a/b") == OK
        assert FileAccess.file_exists("/etc/passwd") is False


class TestFileAccessReadWrite:
    def test_integers_little_and_big_endian(self, project):
        for big, expected in ((False, "3412" "78563412" "0100000000000080"),
                              (True, "1234" "12345678" "8000000000000001")):
            file = FileAccess.open("res://n.bin", FileAccess.WRITE)
            file.big_endian = big
            assert file.store_16(0x1234) and file.store_32(0x12345678)
            assert file.store_64(-(2**63) + 1)
            file.close()
            assert (project / "n.bin").read_bytes().hex() == expected
            file = FileAccess.open("res://n.bin", FileAccess.READ)
            file.big_endian = big
            assert (file.get_16(), file.get_32(), file.get_64()) == (0x1234, 0x12345678, -(2**63) + 1)

    def test_floats(self, project):
        file = FileAccess.open("res://f.bin", FileAccess.WRITE_READ)
        file.store_float(0.1)
        file.store_double(0.1)
        file.store_half(1.5)
        file.store_real(2.5)
        assert file.get_length() == 18
        file.seek(0)
        single = file.get_float()
        assert single == pytest.approx(0.1, rel=1e-7) and single != 0.1  # stored as 32 bits
        assert (file.get_double(), file.get_half(), file.get_real()) == (0.1, 1.5, 2.5)

    def test_lines_and_eof(self, project):
        write("res://t.txt", b"one\r\ntwo\n")
        file = FileAccess.open("res://t.txt", FileAccess.READ)
        assert file.get_line() == "one" and not file.eof_reached()
        assert file.get_position() == 5
        assert file.get_line() == "two" and not file.eof_reached()
        assert file.get_line() == "" and file.eof_reached()
        assert file.get_error() == ERR_FILE_EOF
        file.seek(0)
        assert not file.eof_reached()
        assert file.get_as_text() == "one\r\ntwo\n" and file.get_position() == 0

    def test_reading_past_the_end(self, project):
        write("res://b.bin", b"\x07")
        file = FileAccess.open("res://b.bin", FileAccess.READ)
        assert file.get_16() == 7 and file.eof_reached()
        assert file.get_8() == 0

    def test_csv(self, project):
        file = FileAccess.open("res://c.csv", FileAccess.WRITE)
        file.store_csv_line(["a", "b,c", 'd"e', "multi\nline"])
        file.store_csv_line(["x", "y"], ";")
        file.close()
        assert (project / "c.csv").read_text() == 'a,"b,c","d""e","multi\nline"\nx;y\n'
        file = FileAccess.open("res://c.csv", FileAccess.READ)
        assert list(file.get_csv_line()) == ["a", "b,c", 'd"e', "multi\nline"]
        assert list(file.get_csv_line(";")) == ["x", "y"]

    def test_strings_and_variants(self, project):
        file = FileAccess.open("res://s.bin", FileAccess.WRITE)
        file.store_pascal_string("hé")
        file.store_string("plain")
        file.store_line("next")
        file.close()
        assert (project / "s.bin").read_bytes() == b"\x03\x00\x00\x00h\xc3\xa9plainnext\n"
        file = FileAccess.open("res://s.bin", FileAccess.READ)
        assert file.get_pascal_string() == "hé"
        assert bytes(file.get_buffer(5)) == b"plain"

    def test_store_var_3x_layout(self, project):
        file = File3()
        assert file.open("res://v.bin", File3.WRITE) == OK
        assert file.store_var(Array([1, "a"])) is None  # 3.x store_* return nothing
        file.close()
        assert (project / "v.bin").read_bytes().hex() == (
            "1c000000" "13000000" "02000000" "02000000" "01000000" "04000000" "01000000" "61000000")
        file.open("res://v.bin", File3.READ)
        assert file.get_var() == [1, "a"]

    def test_store_var_roundtrip_4x(self, project):
        file = FileAccess.open("res://v4.bin", FileAccess.WRITE_READ)
        file.store_var({"k": [1.5, None, "s"]})
        file.seek(0)
        assert file.get_var() == {"k": [1.5, None, "s"]}

    def test_open_errors(self, project, engine_messages):
        assert FileAccess.open("res://missing.txt", FileAccess.READ) is None
        assert FileAccess.get_open_error() == ERR_FILE_NOT_FOUND
        assert FileAccess.open("res://no/dir/x.txt", FileAccess.WRITE) is None
        assert FileAccess.get_open_error() == ERR_FILE_NOT_FOUND
        assert FileAccess.open("res://", FileAccess.READ) is None
        assert FileAccess.get_open_error() == ERR_FILE_CANT_OPEN
        assert engine_messages == []

    def test_closed_file(self, project, engine_messages):
        write("res://c.txt", b"x")
        file = FileAccess.open("res://c.txt", FileAccess.READ)
        file.close()
        assert not file.is_open()
        assert file.get_8() == 0
        assert engine_messages[-1][2] == "File must be opened before use."

    def test_whole_file_helpers(self, project):
        write("res://abc.txt", b"abc")
        assert FileAccess.get_file_as_string("res://abc.txt") == "abc"
        assert FileAccess.get_md5("res://abc.txt") == "900150983cd24fb0d6963f7d28e17f72"
        assert FileAccess.get_sha256("res://abc.txt").startswith("ba7816bf8f01cfea")
        assert FileAccess.get_md5("res://none") == ""
        assert FileAccess.get_file_as_string("res://none") == ""
        assert FileAccess.get_open_error() == ERR_FILE_NOT_FOUND
        assert FileAccess.file_exists("res://abc.txt") and not FileAccess.file_exists("res://")
        assert FileAccess.get_modified_time("res://abc.txt") == int(os.stat(project / "abc.txt").st_mtime)
        assert FileAccess.get_size("res://abc.txt") == 3

    def test_resize_and_seek_end(self, project):
        write("res://r.bin", b"abcdef")
        file = FileAccess.open("res://r.bin", FileAccess.READ_WRITE)
        file.seek_end(-2)
        assert bytes(file.get_buffer(10)) == b"ef"
        assert file.resize(3) == OK
        file.close()
        assert (project / "r.bin").read_bytes() == b"abc"

    def test_create_temp_is_removed_on_close(self, project):
        file = FileAccess.create_temp(FileAccess.WRITE_READ, "gd", "txt")
        path = file.get_path_absolute()
        assert os.path.exists(path) and path.endswith(".txt")
        file.close()
        assert not os.path.exists(path)


class TestCompressed:
    def test_reads_godot_output(self, project):
        (project / "gz.bin").write_bytes(GODOT3_DEFLATE)
        file = FileAccess.open_compressed("res://gz.bin", FileAccess.READ, FileAccess.COMPRESSION_DEFLATE)
        assert file.get_as_text() == "hello hello hello"

    def test_writes_godot_layout(self, project):
        file = FileAccess.open_compressed("res://w.bin", FileAccess.WRITE, FileAccess.COMPRESSION_DEFLATE)
        file.store_string("hello hello hello")
        file.close()
        assert (project / "w.bin").read_bytes() == GODOT3_DEFLATE

    def test_gzip_roundtrip_many_blocks(self, project):
        data = bytes(range(256)) * 40  # 10240 bytes: three blocks
        file = FileAccess.open_compressed("res://g.bin", FileAccess.WRITE, FileAccess.COMPRESSION_GZIP)
        file.store_buffer(data)
        file.close()
        raw = (project / "g.bin").read_bytes()
        assert raw[:4] == b"GCPF" and raw[4:8] == b"\x03\x00\x00\x00"
        file = FileAccess.open_compressed("res://g.bin", FileAccess.READ, FileAccess.COMPRESSION_GZIP)
        assert bytes(file.get_buffer(len(data) + 1)) == data and file.eof_reached()

    def test_unavailable_modes(self, project, engine_messages):
        write("res://plain.txt", b"not compressed")
        assert FileAccess.open_compressed("res://plain.txt", FileAccess.READ) is None
        assert FileAccess.get_open_error() == ERR_UNAVAILABLE  # FastLZ
        assert FileAccess.open_compressed("res://plain.txt", FileAccess.READ, 1) is None
        assert FileAccess.get_open_error() == ERR_FILE_UNRECOGNIZED
        assert FileAccess.open_encrypted_with_pass("res://plain.txt", 1, "pw") is None
        assert FileAccess.get_open_error() == ERR_UNAVAILABLE


class TestDirAccess:
    def test_make_dir_codes(self, project):
        folder = DirAccess.open("res://")
        assert folder.make_dir("sub") == OK
        assert folder.make_dir("sub") == ERR_ALREADY_EXISTS
        assert folder.make_dir("x/y") == ERR_CANT_CREATE
        assert folder.make_dir_recursive("x/y") == OK
        assert folder.make_dir_recursive("x/y") == OK
        assert folder.dir_exists("x/y") and not folder.file_exists("x/y")

    def test_change_dir(self, project):
        (project / "sub").mkdir()
        folder = DirAccess.open("res://")
        assert folder.get_current_dir() == "res://"
        assert folder.change_dir("sub") == OK and folder.get_current_dir() == "res://sub"
        assert folder.change_dir("..") == OK and folder.get_current_dir() == "res://"
        assert folder.change_dir("..") == OK and folder.get_current_dir() == "res://"
        assert folder.change_dir("nope") == ERR_INVALID_PARAMETER
        assert DirAccess.open("res://nope") is None
        assert DirAccess.get_open_error() == ERR_INVALID_PARAMETER

    def test_listing(self, project):
        for name in ("b.txt", "a.txt", ".hidden"):
            (project / name).write_text("")
        (project / "dir").mkdir()
        folder = DirAccess.open("res://")
        assert list(folder.get_files()) == ["a.txt", "b.txt"]
        assert list(folder.get_directories()) == ["dir"]
        folder.include_hidden = True
        folder.include_navigational = True
        assert folder.list_dir_begin() == OK
        seen = []
        name = folder.get_next()
        while name:
            seen.append(name + ("/" if folder.current_is_dir() else ""))
            name = folder.get_next()
        assert seen == ["./", "../", ".hidden", "a.txt", "b.txt", "dir/"]
        assert list(DirAccess.get_files_at("res://")) == ["a.txt", "b.txt"]

    def test_remove_rename_copy(self, project, engine_messages):
        (project / "f.txt").write_text("data")
        folder = DirAccess.open("res://")
        assert folder.remove("nope") == FAILED
        assert folder.rename("nope", "b") == FAILED
        assert folder.copy("nope", "b") == ERR_FILE_NOT_FOUND
        assert engine_messages[-1][2] == "Failed to open nope"
        assert folder.copy("f.txt", "g.txt") == OK and (project / "g.txt").read_text() == "data"
        assert folder.rename("g.txt", "h.txt") == OK and folder.file_exists("h.txt")
        assert DirAccess.remove_absolute("res://h.txt") == OK and not folder.file_exists("h.txt")

    def test_get_files_at_missing(self, project, engine_messages):
        assert list(DirAccess.get_files_at("res://none")) == []
        assert engine_messages[-1][2] == "Couldn't open directory at path \"res://none\"."


class TestGodot3Classes:
    def test_file_api(self, project):
        (project / "a.txt").write_bytes(b"one\r\ntwo")
        file = File3()
        assert file.open("res://nope.txt", File3.READ) == ERR_FILE_NOT_FOUND
        assert file.open("res://a.txt", File3.READ) == OK
        assert file.get_len() == 8
        assert file.get_as_text() == "one\ntwo"  # 3.x drops carriage returns
        assert file.file_exists("res://a.txt")
        file.close()
        assert not file.is_open()

    def test_directory_api(self, project):
        (project / ".h").write_text("")
        folder = Directory3()
        assert folder.get_current_dir() == "res://"
        assert folder.open("res://nope") == ERR_INVALID_PARAMETER
        assert folder.open("res://") == OK
        assert folder.list_dir_begin() == OK
        names = []
        name = folder.get_next()
        while name:
            names.append(name)
            name = folder.get_next()
        assert names == [".", "..", ".h"]  # 3.x lists navigational and hidden by default
        assert folder.list_dir_begin(True, True) == OK and folder.get_next() == ""
        assert folder.make_dir("d") == OK and folder.make_dir("d") == ERR_ALREADY_EXISTS
