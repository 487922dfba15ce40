extends SceneTree

signal later(value)

var frames = 0

func on_later(value):
	print("deferred handler got ", value, ", _init finished: ", finished)

var finished = false

func _init():
	connect("later", self, "on_later", [], CONNECT_DEFERRED)
	emit_signal("later", "a")
	emit_signal("later", "b")
	print("emitted")
	call_deferred("deferred_call", 7)
	print("end of _init")
	finished = true

func deferred_call(x):
	print("call_deferred ran with ", x)

func _idle(_delta):
	frames += 1
	if frames == 3:
		quit()
