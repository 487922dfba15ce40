extends SceneTree

var seen = 0

func on_idle():
	seen += 1
	print("idle_frame signal ", seen)
	if seen == 3:
		disconnect("idle_frame", self, "on_idle")
		quit()

func _init():
	connect("idle_frame", self, "on_idle")
	print("connected")
