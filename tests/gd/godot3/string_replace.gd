extends SceneTree

func _init():
	var s = "one two one three one"
	print(s.replace("one", "1"))
	print(s.replacen("ONE", "#"))
	print(s.replace("", "x"))
	print(s.replace("zzz", "y"))
	print("aaa".replace("aa", "b"))
	print("tab\there".replace("\t", "->"))
	print("a.b.c".replace(".", ""))
	print(s.trim_prefix("one "), "|", s.trim_suffix(" one"), "|", s.trim_prefix("two"))
	print("path/to/file.txt".get_file(), " ", "path/to/file.txt".get_base_dir(), " ", "file.tar.gz".get_extension(), " ", "file.tar.gz".get_basename())
	print("a/b".plus_file("c"), " ", "res://x".is_abs_path(), " ", "x/y".is_rel_path())
	quit()
