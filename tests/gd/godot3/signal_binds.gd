extends SceneTree

signal pressed(button_name)

class Recorder:
	var log_lines
	func _init(shared):
		log_lines = shared
	func on_pressed(button_name, extra, more):
		log_lines.append([button_name, extra, more])
	func on_pressed_plain(button_name):
		log_lines.append(["plain", button_name])

func _init():
	var shared = []
	var with_binds = Recorder.new(shared)
	var plain = Recorder.new(shared)
	connect("pressed", with_binds, "on_pressed", ["bound", 42])
	connect("pressed", plain, "on_pressed_plain")
	emit_signal("pressed", "ok")
	emit_signal("pressed", "cancel")
	for line in shared:
		print(line)
	quit()
