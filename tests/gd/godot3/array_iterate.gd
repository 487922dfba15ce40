extends SceneTree

func _init():
	var total = 0
	for v in [1, 2, 3]:
		total += v
	print(total)
	var a = [10, 20, 30]
	for i in a.size():
		a[i] *= 2
	print(a)
	for v in a:
		v += 1
	print(a)
	for x in ["a", "b"]:
		for y in [1, 2]:
			printraw(x, y, " ")
	print()
	var idx = 0
	while idx < a.size():
		if a[idx] == 40:
			break
		idx += 1
	print(idx)
	for v in [1, 2, 3, 4, 5]:
		if v % 2 == 0:
			continue
		printraw(v)
	print()
	for v in []:
		print("never")
	quit()
