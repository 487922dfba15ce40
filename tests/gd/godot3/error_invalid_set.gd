extends SceneTree

class Fixed:
	var existing = 1

func set_unknown(obj):
	obj.not_a_member = 5
	print("after set")

func set_on_int(x):
	x.field = 1

func set_string_index(s):
	s[10] = "x"
	return s

func _init():
	var f = Fixed.new()
	set_unknown(f)
	print(f.existing)
	set_on_int(3)
	print(set_string_index("abc"))
	var vec = Vector2()
	set_vector_bad(vec)
	print("end")
	quit()

func set_vector_bad(v):
	v.w = 2
