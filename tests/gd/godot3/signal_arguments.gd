extends SceneTree

signal zero
signal one(a)
signal three(a, b, c)

var calls = []

func h0():
	calls.append("h0")

func h1(a):
	calls.append("h1:" + str(a))

func h3(a, b, c):
	calls.append("h3:%s,%s,%s" % [a, b, c])

func h_bound(a, extra):
	calls.append("bound:%s+%s" % [a, extra])

func _init():
	connect("zero", self, "h0")
	connect("one", self, "h1")
	connect("three", self, "h3")
	emit_signal("zero")
	emit_signal("one", [1, 2])
	emit_signal("three", 1, "two", 3.0)
	emit_signal("one", null)
	disconnect("one", self, "h1")
	connect("one", self, "h_bound", ["X"])
	emit_signal("one", "val")
	for c in calls:
		print(c)
	quit()
