extends SceneTree

func _init():
	var i = 7
	var f = 2.0
	print(i + f, " ", i - f, " ", i * f, " ", i / f, " ", typeof(i + f))
	print(i * 1, " ", typeof(i * 1), " ", typeof(i / 2), " ", typeof(i / 2.0))
	print(-i, " ", i, " ", -(-i))
	var counter = 0
	counter += 1.5
	print(counter, " ", typeof(counter))
	var x = 10
	x -= 3
	x *= 4
	print(x)
	print(3 == 3.0, " ", 3 < 3.5, " ", 2 != 2.0)
	print(5 > 3 and 2 > 1, " ", not true, " ", true or false, " ", 1 and 0)
	print(!false, " ", true && false, " ", false || true)
	quit()
