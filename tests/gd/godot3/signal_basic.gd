extends SceneTree

class Emitter:
	signal fired
	signal valued(amount, label)

class Receiver:
	var received = []
	func on_fired():
		received.append("fired")
	func on_valued(amount, label):
		received.append("%s=%s" % [label, amount])

func _init():
	var e = Emitter.new()
	var l = Receiver.new()
	print(e.connect("fired", l, "on_fired"))
	print(e.connect("valued", l, "on_valued"))
	e.emit_signal("fired")
	e.emit_signal("valued", 5, "x")
	e.emit_signal("valued", 6, "y")
	print(l.received)
	print(e.is_connected("fired", l, "on_fired"), " ", e.is_connected("valued", l, "on_fired"))
	e.disconnect("fired", l, "on_fired")
	print(e.is_connected("fired", l, "on_fired"))
	e.emit_signal("fired")
	print(l.received.size())
	print(e.has_signal("fired"), " ", e.has_signal("nope"), " ", e.has_user_signal("fired"))
	quit()
