extends SceneTree

class Base:
	var trace = []
	func hello(x):
		trace.append("base hello " + str(x))
		return x + 1
	func chain():
		return "base"

class Middle extends Base:
	func hello(x):
		trace.append("middle hello")
		return .hello(x * 10)
	func chain():
		return "middle>" + .chain()

class Top extends Middle:
	func hello(x):
		trace.append("top hello")
		return .hello(x) + 1000
	func chain():
		return "top>" + .chain()

func _init():
	var t = Top.new()
	print(t.hello(2))
	print(t.trace)
	print(t.chain())
	print(Middle.new().chain())
	quit()
