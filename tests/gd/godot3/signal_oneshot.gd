extends SceneTree

signal ping(n)

class Counter:
	var hits
	var factor
	func _init(shared, f):
		hits = shared
		factor = f
	func on_ping(n):
		hits.append(n * factor)

func _init():
	var hits = []
	var once = Counter.new(hits, 1)
	var always = Counter.new(hits, 100)
	connect("ping", once, "on_ping", [], CONNECT_ONESHOT)
	connect("ping", always, "on_ping")
	emit_signal("ping", 1)
	print(is_connected("ping", once, "on_ping"), " ", is_connected("ping", always, "on_ping"))
	emit_signal("ping", 2)
	print(hits)
	quit()
