extends SceneTree

class Holder:
	var value = 3

func get_unknown(obj):
	return obj.unknown_member

func get_on_int(x):
	return x.something

func get_vector_bad(v):
	return v.q

func _init():
	var h = Holder.new()
	print(get_unknown(h))
	print(get_on_int(5))
	print(get_vector_bad(Vector2(1, 2)))
	print(h.get("unknown_member"))
	print("end")
	quit()
