extends SceneTree

func _init():
	var big = 9223372036854775807
	print(big + 1)
	print(big * 2)
	var small = -big - 1
	print(small)
	print(small - 1)
	print(-small)
	print(3037000500 * 3037000500)
	print(big + big)
	var x = 1
	for i in range(70):
		x *= 2
	print(x)
	var one = 1
	var s = 63
	print(one << s)
	print(-one << s)
	quit()
