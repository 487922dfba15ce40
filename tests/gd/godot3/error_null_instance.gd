extends SceneTree

func use_null_member(obj):
	print(obj.some_field)
	print("not here")

func call_on_null(obj):
	obj.do_something()
	print("not here either")

func set_on_null(obj):
	obj.x = 3

func _init():
	var nothing = null
	use_null_member(nothing)
	print("continued 1")
	call_on_null(nothing)
	print("continued 2")
	set_on_null(nothing)
	print("continued 3")
	var freed = Node.new()
	freed.free()
	print(is_instance_valid(freed))
	call_on_null(freed)
	print("end")
	quit()
